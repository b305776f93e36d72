import { describe, expect, it } from 'vitest';
import { plotlyConfig } from './plotly-config.ts';

describe('plotlyConfig', () => {
  it('leaves out every mode-bar button that reaches the network, and the logo', () => {
    // Plotly 4 defaults showSendToCloud to true: a "Share chart..." button to cloud.plotly.com.
    expect(plotlyConfig.showSendToCloud).toBe(false);
    expect(plotlyConfig.plotlyServerURL).toBe('');
    expect(plotlyConfig.displaylogo).toBe(false);
  });

  it('follows the window size', () => {
    expect(plotlyConfig.responsive).toBe(true);
  });
});
