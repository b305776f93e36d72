import { FaultlineError } from '../../shared/errors.ts';
import type { Engine } from '../../shared/engine/engine.ts';
import {
  cohortFilter,
  driftSpecFromSchemas,
  type DriftSpecOptions,
} from '../../shared/analyses/drift/drift-spec.ts';
import { runDrift } from '../../shared/analyses/drift/run-drift.ts';
import { parseWhere } from '../../shared/sql/parse-where.ts';
import { columnList, parse, roleOptions, openOptions, windowUnit, withFlag } from '../args.ts';
import type { CommandOutput } from '../command.ts';
import { exitCodes } from '../exit-codes.ts';
import { openInput } from '../open-dataset.ts';
import { terminalProgress } from '../progress.ts';
import { driftText } from './drift-text.ts';

export const driftUsage = `faultline drift --reference R --current C [--columns a,b] [--where "PREDICATES"]
                [--window day|week|month] [--fail-on-drift] [--json]
                [--label COL] [--score COL] [--prediction COL] [--time COL] [--id COL] [--model COL]
                [--task binary|multiclass|regression] [--positive VALUE]
                [--kind COL=numeric|categorical|datetime|text] [--delimiter C]
  Compares each feature's distribution in C with R (PSI band, JS, KS or chi-square, missing rate),
  and the model's score, label and prediction columns (prediction drift, label shift).
  --columns limits the comparison to those columns (repeat --columns NAME for a name with a comma).
  --where restricts both sides to a cohort: "region = 'APAC' AND amount >= 100".
  --window adds each column's PSI per window of the current data's time column, and since when.
  --fail-on-drift exits 1 when any column's band is significant (PSI >= 0.2).`;

const driftOptions = {
  ...roleOptions,
  reference: { type: 'string' },
  current: { type: 'string' },
  columns: { type: 'string', multiple: true },
  where: { type: 'string' },
  window: { type: 'string' },
  'fail-on-drift': { type: 'boolean', default: false },
} as const;

/** `faultline drift --reference R --current C`: each column's drift from R to C (CLI.md). */
export async function driftCommand(
  engine: () => Promise<Engine>,
  argv: string[],
): Promise<CommandOutput> {
  const { values, positionals } = parse(argv, driftOptions);
  if (values.help) return { text: driftUsage, json: null, exitCode: 0 };
  const unit = windowUnit(values.window);
  const { reference, current } = values;
  if (reference === undefined || current === undefined || positionals.length > 0) {
    const what =
      positionals.length > 0
        ? `unexpected argument '${positionals[0] ?? ''}'`
        : `missing --${reference === undefined ? 'reference' : 'current'}`;
    throw new FaultlineError({
      code: 'bad_argument',
      message: `drift: ${what}; usage: faultline drift --reference R --current C (--help for more)`,
    });
  }
  // Parsed before any file is read: a malformed filter fails at once, naming the position.
  const predicates = values.where === undefined ? [] : parseWhere(values.where);
  const opts = openOptions(values);
  const progress = terminalProgress();
  try {
    const e = await engine();
    const r = await openInput(e, 'reference', reference, opts, progress.onProgress);
    const c = await openInput(e, 'current', current, opts, progress.onProgress);
    const where = withFlag('--where', () => cohortFilter(predicates, r.schema, c.schema));
    // Impact whenever the current log has a label; a timeline with `since` when --window asks.
    const extras: DriftSpecOptions = {
      impact: true,
      where,
      ...(unit !== undefined ? { window: unit } : {}),
    };
    const spec = values.columns
      ? withFlag('--columns', () =>
          driftSpecFromSchemas(r.schema, c.schema, {
            ...extras,
            columns: columnList('--columns', values.columns ?? [], r.schema),
          }),
        )
      : withFlag('--window', () => driftSpecFromSchemas(r.schema, c.schema, extras));
    const result = await runDrift(e, spec, { onProgress: progress.onProgress });
    const gate = values['fail-on-drift'] && result.columns.some((col) => col.drifted);
    return {
      text: driftText(result, reference, current),
      json: result,
      exitCode: gate ? exitCodes.gateFailed : exitCodes.ok,
    };
  } finally {
    progress.done();
  }
}
