import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Job } from '../store/jobs-slice.ts';
import { JobProgress } from './JobProgress.tsx';

const job = (progress: Job['progress']): Job => ({
  id: 'job-1',
  label: 'Open production.csv',
  state: 'running',
  progress,
  error: null,
});
const render = (j: Job) => renderToStaticMarkup(<JobProgress job={j} onCancel={() => undefined} />);

describe('JobProgress', () => {
  it('shows the phase, bytes read of the total, a bar and Cancel', () => {
    const html = render(
      job({ phase: 'reading production.csv', done: 12_300_000, total: 52_400_000, unit: 'bytes' }),
    );
    expect(html).toContain('<span class="job-label">Open production.csv</span>');
    expect(html).toContain('<span class="job-phase">reading production.csv</span>');
    expect(html).toContain('<span class="job-amount">12.3 MB of 52.4 MB</span>');
    expect(html).toContain('<progress value="12300000" max="52400000"');
    expect(html).toContain('>Cancel</button>');
  });

  it('counts rows with separators, and draws no bar without a total', () => {
    const html = render(job({ phase: 'summarising 22 columns', done: 40_000, unit: 'rows' }));
    expect(html).toContain('<span class="job-amount">40,000 rows</span>');
    expect(html).not.toContain('<progress');
  });

  it('shows only the label before the first progress report', () => {
    const html = render(job(null));
    expect(html).not.toContain('job-phase');
    expect(html).not.toContain('job-amount');
    expect(html).not.toContain('<progress');
  });
});
