import { runSlices } from '../../shared/analyses/slices/run-slices.ts';
import {
  checkedAlpha,
  slicesSpecFromSchemas,
  wholeAtLeastOne,
  type SlicesSpecOptions,
} from '../../shared/analyses/slices/slices-spec.ts';
import type { Engine } from '../../shared/engine/engine.ts';
import { FaultlineError } from '../../shared/errors.ts';
import { columnList, parse, roleOptions, threshold } from '../args.ts';
import type { CommandOutput } from '../command.ts';
import { exitCodes } from '../exit-codes.ts';
import { logInputs, openLogInputs } from '../log-inputs.ts';
import { terminalProgress } from '../progress.ts';
import { slicesText } from './slices-text.ts';

export const slicesUsage = `faultline slices --log L [--reference R] [--k 10] [--max-level 3] [--alpha 0.95] [--min-support N]
                [--columns a,b] [--where "PREDICATES"] [--threshold T] [--json]
                [--label COL] [--score COL] [--prediction COL] [--id COL] [--time COL]
                [--task binary|multiclass|regression] [--positive VALUE]
                [--kind COL=numeric|categorical|datetime|text] [--delimiter C]
  The slices of L where the model errs most (SliceLine): conjunctions of up to --max-level terms
  \`column = value\` over the feature columns (numeric ones cut into 5 equal-mass bins, a null as
  its own value), scored alpha (error / mean error - 1) - (1 - alpha) (rows / slice rows - 1).
  The --k best with a score above 0 and at least --min-support rows (default: max(32, 1% of the
  rows)), best first. A row's error: 0/1 misclassification, or squared error for regression.
  --alpha in (0, 1] weighs a slice's error against its size: higher finds smaller, worse slices.
  With R, each slice's error in R too: "broke" (significantly worse now) or "always hard" (already
  worse than average in R). --columns searches only those columns (repeat --columns NAME for a
  name with a comma). --where restricts L and R to a cohort: "region = 'APAC'".
  --threshold cuts a binary score there instead of using the logged prediction column.`;

const slicesOptions = {
  ...roleOptions,
  log: { type: 'string' },
  reference: { type: 'string' },
  where: { type: 'string' },
  k: { type: 'string' },
  'max-level': { type: 'string' },
  alpha: { type: 'string' },
  'min-support': { type: 'string' },
  columns: { type: 'string', multiple: true },
} as const;

const numberFlags = ['--k', '--max-level', '--alpha', '--min-support'];
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * `--k -3` as `--k=-3`: node's parseArgs refuses a value that starts with a dash as ambiguous,
 * which would hide the real complaint (a negative number) behind a puzzling one.
 */
function joinNegativeNumbers(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const next = argv[i + 1];
    if (
      numberFlags.includes(arg) &&
      next !== undefined &&
      next.startsWith('-') &&
      NUMBER.test(next)
    ) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** A flag's value as a number, or NaN when it is not written as one (`abc`, ``, `0x10`). */
const asNumber = (value: string): number => (NUMBER.test(value.trim()) ? Number(value) : NaN);

/** `--k`, `--max-level`, `--min-support`: a whole number >= 1 (undefined when not given). */
function wholeFlag(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = asNumber(value);
  if (Number.isNaN(n)) {
    throw new FaultlineError({
      code: 'bad_argument',
      message: `${flag} must be a whole number of 1 or more, not '${value}'`,
    });
  }
  return wholeAtLeastOne(n, flag);
}

/** `--alpha A` in (0, 1] (undefined when not given). */
function alphaFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const a = asNumber(value);
  if (Number.isNaN(a)) {
    throw new FaultlineError({
      code: 'bad_argument',
      message: `--alpha must be a number in (0, 1] (the weight of a slice's error against its size), not '${value}'`,
    });
  }
  return checkedAlpha(a);
}

/** `faultline slices --log L [--reference R]`: the top-k weakest slices (CLI.md, SliceLine). */
export async function slicesCommand(
  engine: () => Promise<Engine>,
  argv: string[],
): Promise<CommandOutput> {
  const { values, positionals } = parse(joinNegativeNumbers(argv), slicesOptions);
  if (values.help) return { text: slicesUsage, json: null, exitCode: 0 };
  // Checked before any file is read.
  const k = wholeFlag('--k', values.k);
  const maxLevel = wholeFlag('--max-level', values['max-level']);
  const alpha = alphaFlag(values.alpha);
  const minSupport = wholeFlag('--min-support', values['min-support']);
  const inputs = logInputs('slices', values, positionals);
  const cut = values.threshold === undefined ? undefined : threshold(values);
  const progress = terminalProgress();
  try {
    const e = await engine();
    const opened = await openLogInputs(e, inputs, values, progress.onProgress);
    const options: SlicesSpecOptions = {
      where: opened.where,
      ...(k !== undefined ? { k } : {}),
      ...(maxLevel !== undefined ? { maxLevel } : {}),
      ...(alpha !== undefined ? { alpha } : {}),
      ...(minSupport !== undefined ? { minSupport } : {}),
      ...(values.columns
        ? { columns: columnList('--columns', values.columns, opened.log.schema) }
        : {}),
      ...(cut !== undefined ? { threshold: cut } : {}),
    };
    const spec = slicesSpecFromSchemas(
      opened.log.schema,
      opened.reference?.schema ?? null,
      options,
    );
    const result = await runSlices(e, spec, { onProgress: progress.onProgress });
    return {
      text: slicesText(result, inputs.log, inputs.reference, opened.where),
      json: result,
      exitCode: exitCodes.ok,
    };
  } finally {
    progress.done();
  }
}
