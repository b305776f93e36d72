import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../store/test-fixtures.ts';
import { CalibrationStatus } from './CalibrationStatus.tsx';
import { fraudCalibration } from './test-fixtures.ts';
import type { CalibrationState } from './use-calibration.ts';

const state = (fields: Partial<CalibrationState>): CalibrationState => ({
  sides: {
    log: makeDataset('current', ['x'], 'current'),
    reference: null,
    gaps: [],
    referenceLeftOut: null,
  },
  request: null,
  result: undefined,
  ended: false,
  retry: () => undefined,
  ...fields,
});

describe('CalibrationStatus', () => {
  it('asks for a log when nothing is open', () => {
    expect(renderToStaticMarkup(<CalibrationStatus state={state({ sides: null })} />)).toContain(
      'Open a log (or a current dataset)',
    );
  });

  it('says what the log lacks', () => {
    const lacking = state({});
    if (lacking.sides === null) throw new Error('sides expected');
    lacking.sides.gaps = ['The log (x.csv) has no score column.'];
    const html = renderToStaticMarkup(<CalibrationStatus state={lacking} />);
    expect(html).toContain('role="status"');
    expect(html).toContain('<p>The log (x.csv) has no score column.</p>');
  });

  it('waits for the running job, offers to run a failed or cancelled one again', () => {
    expect(renderToStaticMarkup(<CalibrationStatus state={state({})} />)).toContain(
      'Measuring calibration…',
    );
    const html = renderToStaticMarkup(<CalibrationStatus state={state({ ended: true })} />);
    expect(html).toContain('failed or was cancelled');
    expect(html).toContain('>Run again</button>');
  });

  it('steps aside once the result is there', () => {
    expect(
      renderToStaticMarkup(<CalibrationStatus state={state({ result: fraudCalibration() })} />),
    ).toBe('');
  });
});
