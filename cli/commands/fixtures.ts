import path from 'node:path';
import type { Engine } from '../../shared/engine/engine.ts';
import { expandInput, nodeCodecs } from '../../shared/engine/node-sources.node.ts';
import { FaultlineError } from '../../shared/errors.ts';
import { extractFixture, type FixtureSelection } from '../../shared/fixtures/extract.ts';
import type { FixtureManifest } from '../../shared/fixtures/manifest.ts';
import { writeFolderAtomic } from '../../shared/report/write-atomic.node.ts';
import { sha256File } from '../../shared/workspace/file-hash.node.ts';
import { describePredicates, type Predicate } from '../../shared/sql/predicate.ts';
import { parse, roleOptions, threshold } from '../args.ts';
import type { CommandOutput } from '../command.ts';
import { exitCodes } from '../exit-codes.ts';
import { logInputs, openLogInputs } from '../log-inputs.ts';
import { terminalProgress } from '../progress.ts';
import { renderTable } from '../text-table.ts';

/** `--confident-errors` without a count: the errors view's first page of illustrations. */
const DEFAULT_CONFIDENT_ERRORS = 20;

export const fixturesUsage = `faultline fixtures --log L [--reference R] (--where "PREDICATES" | --confident-errors [N] | --ids a,b)
                --out DIR [--name NAME] [--threshold T] [--json]
                [--id COL] [--label COL] [--score COL] [--prediction COL] [--positive VALUE]
                [--kind COL=numeric|categorical|datetime|text] [--delimiter C]
  Writes a regression fixture to the new (or empty) folder DIR: the rows of L in the slice
  (--where), or L's N most confident errors (default ${DEFAULT_CONFIDENT_ERRORS}; within --where if given), or the rows
  whose id is listed (--ids), with their expected labels (L's label), as DIR/rows.parquet and
  DIR/rows.jsonl, and DIR/manifest.json with the guards a new model's log must keep on those rows:
  recall, precision and accuracy at least the slice's in R with --reference (else L's overall
  ones; each only when defined), the confident errors never confidently wrong again, and every row
  predicted (coverage). L needs an id column (--id COL) to find the rows again and a binary label.
  Replay it with: faultline check DIR --log NEW. DIR is never an input, and is written whole.`;

const fixturesOptions = {
  ...roleOptions,
  log: { type: 'string' },
  reference: { type: 'string' },
  where: { type: 'string' },
  'confident-errors': { type: 'string' },
  ids: { type: 'string', multiple: true },
  out: { type: 'string' },
  name: { type: 'string' },
} as const;

function usageError(message: string): FaultlineError {
  return new FaultlineError({
    code: 'bad_argument',
    message: `fixtures: ${message}; usage: faultline fixtures --log L (--where "PREDICATES" | --confident-errors [N] | --ids a,b) --out DIR (--help for more)`,
  });
}

/** A bare `--confident-errors` (no count after it) gets the default count. */
function withDefaultCount(argv: readonly string[]): string[] {
  return argv.map((arg, i) => {
    const next = argv[i + 1];
    const bare = arg === '--confident-errors' && (next === undefined || next.startsWith('--'));
    return bare ? `--confident-errors=${DEFAULT_CONFIDENT_ERRORS}` : arg;
  });
}

/** Which rows, from --where / --confident-errors / --ids, checked before any file is read. */
function selection(
  values: { 'confident-errors'?: string; ids?: string[] },
  predicates: Predicate[],
  hasWhere: boolean,
): FixtureSelection {
  const count = values['confident-errors'];
  if (values.ids !== undefined) {
    if (count !== undefined || hasWhere) {
      throw usageError(
        '--ids names the rows itself: give it without --where or --confident-errors',
      );
    }
    const ids = values.ids
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter((v) => v !== '');
    if (ids.length === 0) throw usageError('--ids: no ids given');
    return { kind: 'rows', ids };
  }
  if (count !== undefined) {
    const limit = Number(count);
    if (!/^\d+$/.test(count.trim()) || !Number.isSafeInteger(limit) || limit < 1) {
      throw usageError(`--confident-errors ${count}: expected a whole number of rows, 1 or more`);
    }
    return { kind: 'confident_errors', limit, ...(hasWhere ? { where: predicates } : {}) };
  }
  if (!hasWhere) {
    throw usageError('say which rows: --where "PREDICATES", --confident-errors [N] or --ids a,b');
  }
  return { kind: 'predicates', predicates };
}

/** A guard's threshold as text: whole numbers as they are, proportions to four decimals. */
export const thresholdText = (x: number): string =>
  Number.isInteger(x) ? String(x) : x.toFixed(4);

function rowsWords(manifest: FixtureManifest): string {
  const from = manifest.created_from;
  const where = from.predicates ? ` where ${describePredicates(from.predicates)}` : '';
  if (from.kind === 'confident_errors') {
    return `the ${manifest.rows} most confident errors of ${from.source.name}${where}`;
  }
  if (from.kind === 'rows') return `${manifest.rows} rows of ${from.source.name} picked by id`;
  return `${manifest.rows} rows of ${from.source.name}${where}`;
}

function fixturesText(manifest: FixtureManifest, out: string): string {
  const rows = manifest.guards.map((g) => [
    g.name,
    `${g.op} ${thresholdText(g.expected)}`,
    g.reason,
  ]);
  return [
    `wrote fixture ${manifest.name} to ${out}: ${rowsWords(manifest)}, expected labels from "${manifest.columns.label}"`,
    '',
    `Guards a new model's log must keep on these rows (faultline check ${out} --log NEW):`,
    renderTable(['guard', 'threshold', 'from'], rows),
  ].join('\n');
}

/** `faultline fixtures`: a slice's rows and guard thresholds written as a fixture folder. */
export async function fixturesCommand(
  engine: () => Promise<Engine>,
  argv: string[],
): Promise<CommandOutput> {
  const { values, positionals } = parse(withDefaultCount(argv), fixturesOptions);
  if (values.help) return { text: fixturesUsage, json: null, exitCode: 0 };
  const inputs = logInputs('fixtures', values, positionals);
  const what = selection(values, inputs.predicates, values.where !== undefined);
  if (values.out === undefined || values.out === '') throw usageError('missing --out DIR');
  const out = values.out;
  const cut = values.threshold === undefined ? undefined : threshold(values);
  const progress = terminalProgress();
  try {
    const e = await engine();
    const { log, reference, where } = await openLogInputs(e, inputs, values, progress.onProgress);
    const logFiles = await expandInput(inputs.log);
    const referenceFiles = inputs.reference === null ? [] : await expandInput(inputs.reference);
    const [single] = logFiles;
    const sha256 = logFiles.length === 1 && single !== undefined ? await sha256File(single) : null;
    const checkedWhat: FixtureSelection =
      what.kind === 'predicates'
        ? { ...what, predicates: where }
        : what.kind === 'confident_errors' && what.where
          ? { ...what, where }
          : what;
    progress.onProgress({ phase: 'picking the rows and their guards', done: 0 });
    const fixture = await extractFixture(
      e,
      {
        log: log.schema,
        reference: reference?.schema ?? null,
        what: checkedWhat,
        name: values.name ?? path.basename(path.resolve(out)),
        ...(cut !== undefined ? { threshold: cut } : {}),
        source: { name: path.basename(inputs.log), sha256 },
        ...(inputs.reference !== null ? { referenceName: path.basename(inputs.reference) } : {}),
      },
      { codecs: nodeCodecs(), onProgress: progress.onProgress },
    );
    const readFrom = [inputs.log, ...logFiles, ...referenceFiles];
    if (inputs.reference !== null) readFrom.push(inputs.reference);
    try {
      await writeFolderAtomic(out, fixture.files, { inputs: readFrom });
    } catch (e) {
      if (!(e instanceof FaultlineError)) throw e;
      throw new FaultlineError({ ...e.toData(), message: `--out ${e.message}` });
    }
    return {
      text: fixturesText(fixture.manifest, out),
      json: { path: out, manifest: fixture.manifest },
      exitCode: exitCodes.ok,
    };
  } finally {
    progress.done();
  }
}
