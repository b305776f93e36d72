import {
  calibrationSpecFromSchemas,
  calibrationStrategies,
  checkedBinCount,
} from '../../shared/analyses/calibration/calibration-spec.ts';
import { runCalibration } from '../../shared/analyses/calibration/run-calibration.ts';
import type { Engine } from '../../shared/engine/engine.ts';
import { FaultlineError } from '../../shared/errors.ts';
import { choiceFlag, columnList, parse, roleOptions } from '../args.ts';
import type { CommandOutput } from '../command.ts';
import { exitCodes } from '../exit-codes.ts';
import { logInputs, openLogInputs } from '../log-inputs.ts';
import { terminalProgress } from '../progress.ts';
import { calibrationText } from './calibration-text.ts';

export const calibrationUsage = `faultline calibration --log L [--reference R] [--bins 10] [--strategy uniform|quantile]
                [--by a] [--where "PREDICATES"] [--json]
                [--label COL] [--score COL] [--positive VALUE] [--task binary]
                [--kind COL=numeric|categorical|datetime|text] [--delimiter C]
  How far the score (the predicted probability of the positive class) is from the observed
  positive rate: per bin n, mean score, observed rate with its 95% Wilson interval; ECE, MCE and
  the Brier score with its decomposition (reliability - resolution + uncertainty); a histogram of
  the scores by label in the JSON. With R, R's own curve beside L's (training vs production).
  --bins B (2 to 1000) bins: uniform = equal width on [0, 1], quantile = equal counts of scores.
  --by names one cohort column: a curve per cohort (numeric columns in 10 equal-mass bins), worst
  ECE first. --where restricts L and R to a cohort: "region = 'APAC'".`;

const calibrationOptions = {
  ...roleOptions,
  log: { type: 'string' },
  reference: { type: 'string' },
  bins: { type: 'string' },
  strategy: { type: 'string' },
  by: { type: 'string', multiple: true },
  where: { type: 'string' },
} as const;

/** `--bins B`: a whole number from 2 to 1000 (undefined when not given). */
function binCount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  return checkedBinCount(/^[0-9]+$/.test(value.trim()) ? Number(value) : NaN, value);
}

/** `faultline calibration --log L [--reference R]`: reliability bins, ECE, MCE, Brier (CLI.md). */
export async function calibrationCommand(
  engine: () => Promise<Engine>,
  argv: string[],
): Promise<CommandOutput> {
  const { values, positionals } = parse(argv, calibrationOptions);
  if (values.help) return { text: calibrationUsage, json: null, exitCode: 0 };
  // Checked before any file is read.
  const bins = binCount(values.bins);
  const cut = choiceFlag(
    '--strategy',
    values.strategy,
    calibrationStrategies,
    calibrationStrategies.join(' or '),
  );
  const inputs = logInputs('calibration', values, positionals);
  if ((values.by?.length ?? 0) > 1) {
    throw new FaultlineError({
      code: 'bad_argument',
      message: `--by: calibration takes one cohort column, not ${values.by?.length ?? 0}`,
    });
  }
  const progress = terminalProgress();
  try {
    const e = await engine();
    const opened = await openLogInputs(e, inputs, values, progress.onProgress);
    const spec = calibrationSpecFromSchemas(opened.log.schema, opened.reference?.schema ?? null, {
      where: opened.where,
      ...(values.by ? { by: columnList('--by', values.by, opened.log.schema) } : {}),
      ...(bins !== undefined ? { bins } : {}),
      ...(cut !== undefined ? { strategy: cut } : {}),
    });
    const result = await runCalibration(e, spec, { onProgress: progress.onProgress });
    return {
      text: calibrationText(result, inputs.log, inputs.reference),
      json: result,
      exitCode: exitCodes.ok,
    };
  } finally {
    progress.done();
  }
}
