import { DEFAULT_GUARDRAILS } from '../../shared/analyses/canary/canary-guardrails.ts';
import type { CanaryVerdict } from '../../shared/analyses/canary/canary-result.ts';
import { runCanary } from '../../shared/analyses/canary/run-canary.ts';
import type { Engine } from '../../shared/engine/engine.ts';
import { parseWhere } from '../../shared/sql/parse-where.ts';
import { choiceFlag, parse, roleOptions, threshold, windowUnit } from '../args.ts';
import type { CommandOutput } from '../command.ts';
import { exitCodes } from '../exit-codes.ts';
import { readGuardrailsFile } from '../guardrails-file.ts';
import { terminalProgress } from '../progress.ts';
import { canaryInputs, openCanary } from './canary-inputs.ts';
import { canaryText } from './canary-text.ts';

export const canaryUsage = `faultline canary --baseline B --canary C [--by a,b] [--guardrails FILE] [--fail-on marginal]
       faultline canary --log L [--model COL] --baseline-version X --canary-version Y [...]
                [--where "PREDICATES"] [--window day|week|month] [--design auto|split|shadow]
                [--threshold T] [--latency COL] [--success COL] [--id COL] [--time COL] [--json]
                [--label COL] [--score COL] [--prediction COL] [--positive VALUE]
                [--task binary|multiclass|regression] [--kind COL=numeric|categorical|datetime|text]
                [--delimiter C]
  Judges a canary model against the baseline: the canary's rows in C (or the rows of L whose model
  column, --model or the one inferred, holds Y) against the baseline's (B, or L's rows holding X).
  Population check first: an input feature whose PSI between the two sides reaches 0.2 makes the
  verdict INVALID (they did not see the same traffic). Then the checks, overall and per segment
  (each value of each --by column; default every categorical feature with 2 to 20 values):
  recall, precision, accuracy, AUC, and success rate and p99 latency when those columns exist,
  each tested (BH-adjusted q) and failed when it degrades beyond its tolerance with q < 0.05.
  Score = 100 · passed / scored: PASS at >= 95, MARGINAL at >= 75, else FAIL; a failed critical
  check (recall, precision, the canary's p99 latency and success-rate ceilings) is a FAIL whatever
  the score. A segment too small to judge on either side is listed, not scored.
  --design shadow joins the sides by id (both models scored the same rows: paired tests), split
  compares different traffic; auto (default) picks shadow when both sides hold the same ids.
  --guardrails FILE: JSON overriding any part of the defaults:
    ${JSON.stringify(DEFAULT_GUARDRAILS)}
  --window adds the verdict per window of the time column. --latency and --success name those
  columns when their names do not say so. --where restricts both sides to a cohort: "region = 'EU'".
  --threshold cuts the score there instead of using the logged prediction column.
  Exit codes: 0 PASS, or MARGINAL; 1 FAIL, MARGINAL with --fail-on marginal, or INVALID (the
  comparison cannot be trusted, so a gate must not pass); 2 bad usage or bad input.`;

const canaryOptions = {
  ...roleOptions,
  baseline: { type: 'string' },
  canary: { type: 'string' },
  log: { type: 'string' },
  'baseline-version': { type: 'string' },
  'canary-version': { type: 'string' },
  by: { type: 'string', multiple: true },
  guardrails: { type: 'string' },
  'fail-on': { type: 'string' },
  where: { type: 'string' },
  window: { type: 'string' },
  design: { type: 'string' },
  latency: { type: 'string' },
  success: { type: 'string' },
} as const;

/** CLI.md: a gate passes on PASS, and on MARGINAL unless asked to fail there; never on INVALID. */
function canaryExitCode(verdict: CanaryVerdict, failOnMarginal: boolean): number {
  const passes = verdict === 'PASS' || (verdict === 'MARGINAL' && !failOnMarginal);
  return passes ? exitCodes.ok : exitCodes.gateFailed;
}

/** `faultline canary`: the canary model's verdict against the baseline (CLI.md, STATS.md). */
export async function canaryCommand(
  engine: () => Promise<Engine>,
  argv: string[],
): Promise<CommandOutput> {
  const { values, positionals } = parse(argv, canaryOptions);
  if (values.help) return { text: canaryUsage, json: null, exitCode: 0 };
  // Everything the flags alone decide is checked before any file is read.
  const unit = windowUnit(values.window);
  const design = choiceFlag(
    '--design',
    values.design,
    ['auto', 'split', 'shadow'] as const,
    'auto, split or shadow',
  );
  const failOn = choiceFlag('--fail-on', values['fail-on'], ['marginal'] as const);
  const inputs = canaryInputs(values, positionals);
  const predicates = values.where === undefined ? [] : parseWhere(values.where);
  const cut = values.threshold === undefined ? undefined : threshold(values);
  const guardrails =
    values.guardrails === undefined ? undefined : readGuardrailsFile(values.guardrails);
  const progress = terminalProgress();
  try {
    const e = await engine();
    const spec = await openCanary(
      e,
      inputs,
      values,
      {
        predicates,
        by: values.by,
        options: {
          ...(guardrails !== undefined ? { guardrails } : {}),
          ...(design !== undefined ? { design } : {}),
          ...(unit !== undefined ? { window: unit } : {}),
          ...(cut !== undefined ? { threshold: cut } : {}),
          ...(values.time !== undefined ? { time: values.time } : {}),
          ...(values.latency !== undefined ? { latency: values.latency } : {}),
          ...(values.success !== undefined ? { success: values.success } : {}),
          ...(values.id !== undefined ? { id: values.id } : {}),
        },
      },
      progress.onProgress,
    );
    const result = await runCanary(e, spec, { onProgress: progress.onProgress });
    return {
      text: canaryText(
        result,
        inputs.kind === 'files' ? inputs : { baseline: inputs.log, canary: inputs.log },
        { window: unit !== undefined },
      ),
      json: result,
      exitCode: canaryExitCode(result.verdict, failOn === 'marginal'),
    };
  } finally {
    progress.done();
  }
}
