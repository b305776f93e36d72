import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Engine } from '../../shared/engine/engine.ts';
import { loadDataset } from '../../shared/engine/load-dataset.ts';
import { dataSourceFromPath, nodeCodecs } from '../../shared/engine/node-sources.node.ts';
import { FaultlineError } from '../../shared/errors.ts';
import { checkFixture } from '../../shared/fixtures/check.ts';
import {
  FIXTURE_FILES,
  parseManifest,
  type FixtureManifest,
} from '../../shared/fixtures/manifest.ts';
import { parseWhere } from '../../shared/sql/parse-where.ts';
import { openOptions, parse, roleOptions, threshold } from '../args.ts';
import type { CommandOutput } from '../command.ts';
import { exitCodes } from '../exit-codes.ts';
import { openInput } from '../open-dataset.ts';
import { terminalProgress } from '../progress.ts';
import { checkText, type CheckedFixture } from './check-text.ts';

export const checkUsage = `faultline check DIR --log NEW [--where "PREDICATES"] [--threshold T] [--json]
                [--id COL] [--prediction COL] [--score COL] [--kind COL=...] [--delimiter C]
  Replays regression fixtures (written by faultline fixtures) against a new model's log: DIR is
  one fixture folder (holding manifest.json) or a folder of them, each checked. NEW's rows are
  found by id (compared as text when the types differ), and its prediction (its predicted-label
  column, or its score cut at the fixture's threshold when the fixture was made from scores;
  --threshold cuts the score there instead) is scored against the fixture's expected labels.
  Each guard of the manifest must hold. --where narrows NEW first (e.g. to one model version).
  Exit codes: 0 every guard holds; 1 a guard failed (listed in words); 2 bad usage, or a missing
  or invalid manifest.json or rows file.`;

const checkOptions = {
  ...roleOptions,
  log: { type: 'string' },
  where: { type: 'string' },
} as const;

interface FixtureFolder {
  dir: string;
  manifest: FixtureManifest;
  rowsFile: string;
}

function inputError(file: string, message: string): FaultlineError {
  return new FaultlineError({ code: 'file_not_found', file, message });
}

const isFile = (p: string): boolean => statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;

/** DIR itself when it holds a manifest, else its sub-folders that do (sorted by name). */
function fixtureDirs(dir: string): string[] {
  const s = statSync(dir, { throwIfNoEntry: false });
  if (s === undefined) throw inputError(dir, `${dir}: no such fixture folder`);
  if (!s.isDirectory()) {
    throw inputError(dir, `${dir}: not a folder (give the fixture folder, not one of its files)`);
  }
  if (isFile(path.join(dir, FIXTURE_FILES.manifest))) return [dir];
  const inside = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && isFile(path.join(dir, e.name, FIXTURE_FILES.manifest)))
    .map((e) => path.join(dir, e.name))
    .sort();
  if (inside.length === 0) {
    throw inputError(
      dir,
      `${dir}: no ${FIXTURE_FILES.manifest} in it, nor in any folder inside it (write one with faultline fixtures)`,
    );
  }
  return inside;
}

/** A fixture folder's manifest, checked, and its rows file, present; exit 2 otherwise. */
function readFixture(dir: string): FixtureFolder {
  const manifestFile = path.join(dir, FIXTURE_FILES.manifest);
  let text: string;
  try {
    text = readFileSync(manifestFile, 'utf8');
  } catch (e) {
    throw inputError(manifestFile, `${manifestFile}: cannot be read (${(e as Error).message})`);
  }
  const manifest = parseManifest(text, manifestFile);
  const rowsFile = path.join(dir, manifest.files.parquet);
  if (!isFile(rowsFile)) {
    throw inputError(
      rowsFile,
      `${rowsFile}: no such file (the fixture's rows, named in ${manifestFile})`,
    );
  }
  return { dir, manifest, rowsFile };
}

let fixtureTables = 0;

/** `faultline check DIR --log NEW`: every fixture's guards judged on a new log (CLI.md). */
export async function checkCommand(
  engine: () => Promise<Engine>,
  argv: string[],
): Promise<CommandOutput> {
  const { values, positionals } = parse(argv, checkOptions);
  if (values.help) return { text: checkUsage, json: null, exitCode: 0 };
  const [dir, extra] = positionals;
  if (dir === undefined || extra !== undefined || values.log === undefined) {
    const what =
      extra !== undefined
        ? `unexpected argument '${extra}'`
        : dir === undefined
          ? 'missing the fixture folder DIR'
          : 'missing --log';
    throw new FaultlineError({
      code: 'bad_argument',
      message: `check: ${what}; usage: faultline check DIR --log NEW (--help for more)`,
    });
  }
  const where = values.where === undefined ? [] : parseWhere(values.where);
  const cut = values.threshold === undefined ? undefined : threshold(values);
  // Every manifest is read and checked before the log: a typo fails at once.
  const folders = fixtureDirs(dir).map(readFixture);
  const progress = terminalProgress();
  try {
    const e = await engine();
    const log = await openInput(e, 'log', values.log, openOptions(values), progress.onProgress);
    const checked: CheckedFixture[] = [];
    for (const folder of folders) {
      const tableName = `fixture_${++fixtureTables}`;
      await loadDataset(e, [await dataSourceFromPath(folder.rowsFile)], {
        tableName,
        codecs: nodeCodecs(),
      });
      const result = await checkFixture(
        e,
        { manifest: folder.manifest, table: tableName },
        log.schema,
        { onProgress: progress.onProgress },
        { where, ...(cut !== undefined ? { threshold: cut } : {}) },
      ).catch((error: unknown) => {
        // The core names the fault; the folder it is in is said here.
        if (!(error instanceof FaultlineError)) throw error;
        throw new FaultlineError({ ...error.toData(), message: `${folder.dir}: ${error.message}` });
      });
      checked.push({ name: folder.manifest.name, path: folder.dir, result });
    }
    const fixtures = checked.flatMap((c) => c.result.fixtures);
    const passed = fixtures.every((f) => f.passed);
    return {
      text: checkText(checked, values.log),
      json: {
        passed,
        fixtures,
        missing_rows: checked.reduce((sum, c) => sum + c.result.missing_rows, 0),
        checked: checked.map(({ name, path: folderPath, result }) => ({
          name,
          path: folderPath,
          passed: result.passed,
          rows: result.rows,
          missing_rows: result.missing_rows,
          unscored_rows: result.unscored_rows,
          missing_ids: result.missing_ids,
        })),
      },
      exitCode: passed ? exitCodes.ok : exitCodes.gateFailed,
    };
  } finally {
    progress.done();
  }
}
