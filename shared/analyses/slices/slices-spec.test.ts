import { describe, expect, it } from 'vitest';
import { FaultlineError } from '../../errors.ts';
import { schemaColumn, schemaOf } from '../../../test-support/schema-fixtures.ts';
import { slicesSpecFromSchemas } from './slices-spec.ts';

const columns = [
  schemaColumn('amount', 'DOUBLE', 'numeric', 'feature'),
  schemaColumn('when', 'TIMESTAMP', 'datetime', 'time'),
  schemaColumn('region "EU"', 'VARCHAR', 'categorical', 'feature'),
  schemaColumn('note', 'VARCHAR', 'text', 'feature'),
  schemaColumn('signup', 'DATE', 'datetime', 'feature'),
  schemaColumn('fraud?', 'VARCHAR', 'categorical', 'label'),
  schemaColumn('p', 'DOUBLE', 'numeric', 'score'),
  schemaColumn('flagged', 'VARCHAR', 'categorical', 'prediction'),
];
const log = schemaOf('t_log', columns, true);

/** The FaultlineError `build` throws. */
function failure(build: () => unknown): FaultlineError {
  try {
    build();
  } catch (e) {
    if (e instanceof FaultlineError) return e;
    throw e;
  }
  throw new Error('expected a FaultlineError');
}

describe('slicesSpecFromSchemas', () => {
  it("searches the feature columns in the log's order with STATS.md's defaults", () => {
    const spec = slicesSpecFromSchemas(log, null);
    expect(spec.features).toEqual([
      { name: 'amount', type: 'DOUBLE', numeric: true },
      { name: 'region "EU"', type: 'VARCHAR', numeric: false },
    ]);
    expect(spec.skipped).toEqual([
      { column: 'note', reason: 'free text: nearly every value is unique' },
      { column: 'signup', reason: 'a time: slice by a time window instead' },
    ]);
    expect([spec.alpha, spec.k, spec.maxLevel, spec.minSupport]).toEqual([0.95, 10, 3, null]);
    expect(spec.log.outcome.task).toBe('binary');
  });

  it('refuses alpha outside (0, 1], k, max level or min support below 1, naming the flag', () => {
    for (const alpha of [0, -0.1, 1.01, NaN]) {
      const e = failure(() => slicesSpecFromSchemas(log, null, { alpha }));
      expect(e.code).toBe('bad_argument');
      expect(e.message).toContain('--alpha must be in (0, 1]');
    }
    expect(slicesSpecFromSchemas(log, null, { alpha: 1 }).alpha).toBe(1);
    for (const [options, flag] of [
      [{ k: 0 }, '--k'],
      [{ k: 2.5 }, '--k'],
      [{ maxLevel: 0 }, '--max-level'],
      [{ minSupport: -3 }, '--min-support'],
    ] as const) {
      const e = failure(() => slicesSpecFromSchemas(log, null, options));
      expect(e.message).toMatch(new RegExp(`^${flag} must be a whole number of 1 or more`));
    }
  });

  it('searches only the columns asked for, and refuses one the log lacks', () => {
    expect(slicesSpecFromSchemas(log, null, { columns: ['region "EU"'] }).features).toEqual([
      { name: 'region "EU"', type: 'VARCHAR', numeric: false },
    ]);
    expect(failure(() => slicesSpecFromSchemas(log, null, { columns: ['nope'] })).code).toBe(
      'unknown_column',
    );
    const e = failure(() => slicesSpecFromSchemas(log, null, { columns: ['note'] }));
    expect(e.message).toContain('note: free text');
    expect(failure(() => slicesSpecFromSchemas(log, null, { columns: ['fraud?'] })).message).toBe(
      'slices: "fraud?" is the label column; slices are searched over the model\'s inputs, not its outcome',
    );
  });

  it('compares with a reference that has the searched columns, its outcome read as the log reads it', () => {
    const reference = schemaOf('t_ref', columns, true);
    const spec = slicesSpecFromSchemas(log, reference);
    expect(spec.reference).toEqual({ table: 't_ref', outcome: spec.log.outcome });
    const lacking = schemaOf(
      't_ref',
      columns.filter((c) => c.name !== 'amount'),
      true,
    );
    expect(failure(() => slicesSpecFromSchemas(log, lacking)).message).toContain(
      'no column named "amount" in the reference',
    );
  });

  it('says what is missing when the log has no label', () => {
    const unlabelled = schemaOf(
      't',
      columns.filter((c) => c.role !== 'label'),
    );
    expect(failure(() => slicesSpecFromSchemas(unlabelled, null)).message).toMatch(/^slices: /);
  });
});
