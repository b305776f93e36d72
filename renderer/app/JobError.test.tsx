import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Job } from '../store/jobs-slice.ts';
import { JobError } from './JobError.tsx';

const failed = (error: Job['error']): Job => ({
  id: 'job-3',
  label: 'Open log.csv',
  state: 'failed',
  progress: null,
  error,
});
const render = (j: Job) => renderToStaticMarkup(<JobError job={j} onDismiss={() => undefined} />);

describe('JobError', () => {
  it('shows the message and where it failed, as an alert with Dismiss', () => {
    const html = render(
      failed({
        code: 'ragged_row',
        file: 'log.csv',
        line: 12_345,
        column: 'amount',
        message: 'log.csv line 12345: 5 fields, expected 4',
      }),
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain('<strong class="alert-title">Open log.csv failed</strong>');
    expect(html).toContain('<p class="alert-message">log.csv line 12345: 5 fields, expected 4</p>');
    expect(html).toContain('<p class="alert-where">file log.csv · line 12,345 · column amount</p>');
    expect(html).toContain('>Dismiss</button>');
  });

  it('leaves out the location when the error names none', () => {
    const html = render(failed({ code: 'engine', message: 'out of luck' }));
    expect(html).toContain('<p class="alert-message">out of luck</p>');
    expect(html).not.toContain('alert-where');
  });
});
