import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../store/test-fixtures.ts';
import { AnalysisStatus } from './AnalysisStatus.tsx';

const state = (fields: { opened?: boolean; gaps?: string[]; ended?: boolean } = {}) => ({
  sides:
    fields.opened === false
      ? null
      : { log: makeDataset('current', ['x'], 'current'), reference: null },
  gaps: fields.gaps ?? [],
  ended: fields.ended ?? false,
  retry: () => undefined,
});

const render = (s: ReturnType<typeof state>, done = false) =>
  renderToStaticMarkup(
    <AnalysisStatus
      what="calibration"
      purpose="see how well its scores are calibrated"
      state={s}
      done={done}
    />,
  );

describe('AnalysisStatus', () => {
  it('asks for a log, saying what for, when nothing is open', () => {
    expect(render(state({ opened: false }))).toBe(
      '<p class="muted">Open a log (or a current dataset) to see how well its scores are calibrated.</p>',
    );
  });

  it('says what the log lacks', () => {
    const html = render(state({ gaps: ['The log (x.csv) has no score column.'] }));
    expect(html).toContain('role="status"');
    expect(html).toContain('<p>The log (x.csv) has no score column.</p>');
  });

  it('waits for the running job, offers to run a failed or cancelled one again', () => {
    expect(render(state())).toContain('Measuring calibration…');
    const html = render(state({ ended: true }));
    expect(html).toContain(
      'No calibration result: the analysis failed or was cancelled (see above).',
    );
    expect(html).toContain('>Run again</button>');
  });

  it('steps aside once the result is there', () => {
    expect(render(state(), true)).toBe('');
  });
});
