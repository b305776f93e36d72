// The two ways `faultline canary` names its sides (CLI.md): two logs (`--baseline B --canary C`),
// or one log and the model versions that split it (`--log L [--model COL] --baseline-version X
// --canary-version Y`). Checked before any file is read; then opened, and the spec built from
// their schemas.
import {
  canarySpecFromFiles,
  canarySpecFromModelColumn,
  type CanarySpec,
  type CanarySpecOptions,
} from '../../shared/analyses/canary/canary-spec.ts';
import { checkedCohortFilter } from '../../shared/analyses/cohort-source.ts';
import type { Engine, Progress } from '../../shared/engine/engine.ts';
import { FaultlineError } from '../../shared/errors.ts';
import type { DatasetSchema } from '../../shared/schema/dataset-schema.ts';
import type { Predicate } from '../../shared/sql/predicate.ts';
import { columnList, openOptions, withFlag } from '../args.ts';
import { openInput } from '../open-dataset.ts';

/** Which inputs name the two sides, checked. */
export type CanaryInputs =
  | { kind: 'files'; baseline: string; canary: string }
  | {
      kind: 'model_column';
      log: string;
      /** Undefined: the log's model-role column. */
      model: string | undefined;
      baselineVersion: string;
      canaryVersion: string;
    };

/** The flags that name a canary's two sides. */
export interface CanaryInputValues {
  baseline?: string | undefined;
  canary?: string | undefined;
  log?: string | undefined;
  model?: string | undefined;
  'baseline-version'?: string | undefined;
  'canary-version'?: string | undefined;
}

const filesUsage = 'faultline canary --baseline B --canary C';
const logUsage = 'faultline canary --log L [--model COL] --baseline-version X --canary-version Y';

const usageError = (what: string, usage = `${filesUsage}, or ${logUsage}`): FaultlineError =>
  new FaultlineError({
    code: 'bad_argument',
    message: `canary: ${what}; usage: ${usage} (--help for more)`,
  });

/**
 * Either both of `--baseline`/`--canary`, or `--log` with both versions; never a mix, nothing
 * positional. `--model` alone is a role flag (it also marks the column in two logs).
 */
export function canaryInputs(
  values: CanaryInputValues,
  positionals: readonly string[],
): CanaryInputs {
  if (positionals.length > 0) throw usageError(`unexpected argument '${positionals[0] ?? ''}'`);
  const files = (['baseline', 'canary'] as const).filter((f) => values[f] !== undefined);
  const log = (['log', 'baseline-version', 'canary-version'] as const).filter(
    (f) => values[f] !== undefined,
  );
  if (files.length > 0 && log.length > 0) {
    throw usageError(
      `--${files[0] ?? ''} and --${log[0] ?? ''} name the sides in two different ways: give ` +
        'two logs, or one log and its two model versions',
    );
  }
  const { baseline, canary } = values;
  if (log.length === 0) {
    if (baseline !== undefined && canary !== undefined) return { kind: 'files', baseline, canary };
    if (files.length === 0) throw usageError('missing --baseline and --canary');
    throw usageError(`missing --${baseline === undefined ? 'baseline' : 'canary'}`, filesUsage);
  }
  const {
    log: logFile,
    'baseline-version': baselineVersion,
    'canary-version': canaryVersion,
  } = values;
  if (logFile === undefined || baselineVersion === undefined || canaryVersion === undefined) {
    const missing = (['log', 'baseline-version', 'canary-version'] as const).filter(
      (f) => values[f] === undefined,
    );
    throw usageError(`missing ${missing.map((f) => `--${f}`).join(' and ')}`, logUsage);
  }
  return {
    kind: 'model_column',
    log: logFile,
    model: values.model,
    baselineVersion,
    canaryVersion,
  };
}

type Side = [side: string, schema: DatasetSchema];

/** What the flags ask of the comparison besides its inputs. */
export interface CanaryRequest {
  /** `--where`, parsed, not yet checked against the files. */
  predicates: Predicate[];
  /** `--by` as given (split on commas unless a column's name holds one). */
  by: readonly string[] | undefined;
  options: Omit<CanarySpecOptions, 'where' | 'by'>;
}

/**
 * Opens the sides' files (the baseline first) with the role flags, checks `--where` and `--by`
 * against them, and builds the comparison's spec.
 */
export async function openCanary(
  engine: Engine,
  inputs: CanaryInputs,
  values: Parameters<typeof openOptions>[0],
  request: CanaryRequest,
  onProgress: (p: Progress) => void,
): Promise<CanarySpec> {
  const opts = openOptions(values);
  const open = async (flag: string, input: string) =>
    (await openInput(engine, flag, input, opts, onProgress)).schema;
  // `--by` names are read against the first side; the spec checks both sides hold them.
  const optionsFor = (sides: [Side, ...Side[]]): CanarySpecOptions => ({
    ...request.options,
    where: withFlag('--where', () => checkedCohortFilter(request.predicates, sides)),
    ...(request.by !== undefined ? { by: columnList('--by', request.by, sides[0][1]) } : {}),
  });
  if (inputs.kind === 'files') {
    const baseline = await open('baseline', inputs.baseline);
    const canary = await open('canary', inputs.canary);
    const options = optionsFor([
      ['baseline', baseline],
      ['canary', canary],
    ]);
    return canarySpecFromFiles(baseline, canary, options);
  }
  const log = await open('log', inputs.log);
  return canarySpecFromModelColumn(
    log,
    {
      ...(inputs.model !== undefined ? { column: inputs.model } : {}),
      baseline: inputs.baselineVersion,
      canary: inputs.canaryVersion,
    },
    optionsFor([['log', log]]),
  );
}
