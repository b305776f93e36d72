// The inputs of the commands that judge a log (`--log L [--reference R] [--where ...]`): checked
// before any file is read, then opened with the role flags and the filter checked on both.
import { checkedCohortFilter } from '../shared/analyses/cohort-source.ts';
import type { Engine, Progress } from '../shared/engine/engine.ts';
import { FaultlineError } from '../shared/errors.ts';
import { parseWhere } from '../shared/sql/parse-where.ts';
import type { Predicate } from '../shared/sql/predicate.ts';
import { openOptions, withFlag } from './args.ts';
import { openInput, type OpenedDataset } from './open-dataset.ts';

/** What `--log`, `--reference` and `--where` asked for, checked. */
export interface LogInputs {
  log: string;
  reference: string | null;
  /** Parsed, not yet checked against the files' columns. */
  predicates: Predicate[];
}

/**
 * `--log` is required and nothing else is positional; `--where` parses. Fails with one line
 * naming `command` and its short usage, before any file is read.
 */
export function logInputs(
  command: string,
  values: { log?: string | undefined; reference?: string | undefined; where?: string | undefined },
  positionals: readonly string[],
): LogInputs {
  const { log, reference } = values;
  if (log === undefined || positionals.length > 0) {
    const what =
      positionals.length > 0 ? `unexpected argument '${positionals[0] ?? ''}'` : 'missing --log';
    throw new FaultlineError({
      code: 'bad_argument',
      message: `${command}: ${what}; usage: faultline ${command} --log L [--reference R] (--help for more)`,
    });
  }
  return {
    log,
    reference: reference ?? null,
    predicates: values.where === undefined ? [] : parseWhere(values.where),
  };
}

/** The opened log and reference, and the cohort filter checked against both. */
export interface OpenedLogInputs {
  log: OpenedDataset;
  reference: OpenedDataset | null;
  where: Predicate[];
}

/** Opens the log, then the reference, with the role flags; checks `--where` on both. */
export async function openLogInputs(
  engine: Engine,
  inputs: LogInputs,
  values: Parameters<typeof openOptions>[0],
  onProgress: (p: Progress) => void,
): Promise<OpenedLogInputs> {
  const opts = openOptions(values);
  const log = await openInput(engine, 'log', inputs.log, opts, onProgress);
  const reference =
    inputs.reference === null
      ? null
      : await openInput(engine, 'reference', inputs.reference, opts, onProgress);
  const where = withFlag('--where', () =>
    checkedCohortFilter(inputs.predicates, [
      ['log', log.schema],
      ...(reference ? [['reference', reference.schema] as const] : []),
    ]),
  );
  return { log, reference, where };
}
