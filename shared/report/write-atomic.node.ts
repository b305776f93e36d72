// Safe writing for every front end that saves files (the CLI, Electron's export, the report
// writer): all files or none, never a half-written one, never over an input. Each file goes to a
// temp file beside its target (so the rename stays on one file system, hence atomic), is fsynced,
// then renamed into place.
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { FaultlineError } from '../errors.ts';

/** One file to write. */
export interface OutputFile {
  path: string;
  data: string | Uint8Array;
}

/** The fs/promises calls the writers use; tests pass fakes that fail mid-write. */
export type AtomicFs = Pick<
  typeof nodeFs,
  'open' | 'rename' | 'rm' | 'rmdir' | 'mkdir' | 'realpath' | 'stat' | 'readdir' | 'link'
>;

const errnoOf = (e: unknown): string | undefined =>
  (e as NodeJS.ErrnoException | null)?.code ?? undefined;

/** A failed write as the one-line error the user sees, naming `shown` (the path as given). */
function writeError(e: unknown, shown: string): FaultlineError {
  if (e instanceof FaultlineError) return e;
  const code = errnoOf(e);
  const why =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'the disk is full'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'the folder is read-only or not writable'
        : code === 'ENOTDIR'
          ? 'a part of the path is a file, not a folder'
          : code === 'EISDIR'
            ? 'a folder is in the way'
            : `${code ?? (e instanceof Error ? e.message : String(e))}`;
  return new FaultlineError({
    code: 'write_failed',
    file: shown,
    message: `${shown}: cannot write: ${why} (nothing was written)`,
  });
}

/** stat without throwing: null when the path does not exist (or cannot be reached). */
async function statOrNull(fs: AtomicFs, p: string) {
  try {
    return await fs.stat(p);
  } catch {
    return null;
  }
}

async function realOrNull(fs: AtomicFs, p: string): Promise<string | null> {
  try {
    return await fs.realpath(p);
  } catch {
    return null;
  }
}

/** Two paths that name one file: the same path, the same real path, or the same inode. */
async function sameFile(fs: AtomicFs, a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [sa, sb] = await Promise.all([statOrNull(fs, a), statOrNull(fs, b)]);
  // dev + ino catches symlinks, hard links and case-insensitive spellings of one file.
  if (sa !== null && sb !== null && sa.dev === sb.dev && sa.ino === sb.ino) return true;
  const [ra, rb] = await Promise.all([realOrNull(fs, a), realOrNull(fs, b)]);
  return ra !== null && ra === rb;
}

function inputError(shown: string, message: string): FaultlineError {
  return new FaultlineError({ code: 'overwrite_input', file: shown, message });
}

async function refuseInputs(
  fs: AtomicFs,
  shown: string,
  target: string,
  inputs: readonly string[],
): Promise<void> {
  for (const input of inputs) {
    if (await sameFile(fs, target, input)) {
      throw inputError(shown, `${shown} is an input file; choose another output path`);
    }
  }
}

/** `.name.<random>.tmp` beside `target`: a name no one else picks, kept short of NAME_MAX. */
const tempBeside = (target: string, tag: string): string =>
  path.join(
    path.dirname(target),
    `.${path.basename(target).slice(0, 100)}.${randomBytes(6).toString('hex')}.${tag}`,
  );

/** Writes `data` to a new file (never an existing one) and fsyncs it before closing. */
async function writeSynced(fs: AtomicFs, file: string, data: string | Uint8Array): Promise<void> {
  const handle = await fs.open(file, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** fsync a folder so the renames in it survive a crash; not every platform allows it. */
async function syncFolder(fs: AtomicFs, dir: string): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a folder, some file systems refuse fsync on one: the data is written.
  }
}

/** Removes what a failed call made; best effort, so the original error is the one reported. */
async function quietly(undo: () => Promise<unknown>): Promise<void> {
  try {
    await undo();
  } catch {
    // Nothing more can be done; the error that started the undo is what the user needs.
  }
}

/** `mkdir -p dir`, adding the folders it made to `made`. */
async function makeParents(fs: AtomicFs, dir: string, made: string[]): Promise<void> {
  const first = await fs.mkdir(dir, { recursive: true });
  if (first === undefined) return;
  const chain: string[] = [];
  for (let d = dir; d.length >= first.length; d = path.dirname(d)) {
    chain.push(d);
    if (d === first || d === path.dirname(d)) break;
  }
  made.push(...chain);
}

/** Removes folders this call made, deepest first; one that is not empty is left alone. */
async function removeFolders(fs: AtomicFs, made: readonly string[]): Promise<void> {
  const deepestFirst = [...new Set(made)].sort((a, b) => b.length - a.length);
  for (const dir of deepestFirst) await quietly(() => fs.rmdir(dir));
}

function checkDistinct(targets: readonly string[], shown: readonly string[]): void {
  const seen = new Map<string, number>();
  targets.forEach((t, i) => {
    const before = seen.get(t);
    if (before !== undefined) {
      throw new FaultlineError({
        code: 'bad_argument',
        message: `${shown[i] ?? t}: named twice among the files to write (also as ${shown[before] ?? t})`,
      });
    }
    seen.set(t, i);
  });
}

/**
 * Writes every file or none: each to a temp file in its target's folder (fsync), then renames;
 * refuses a target that is (or resolves to, via realpath/symlink/case-insensitive same file) one
 * of `inputs`; creates missing parent folders it needs; on any failure removes its temp files and
 * any target it already renamed in this call (an existing target it replaced is put back from a
 * hard link when the file system allows one), so no half-written file is ever left.
 */
export async function writeOutputs(
  files: readonly OutputFile[],
  opts: { inputs: readonly string[]; fs?: AtomicFs },
): Promise<void> {
  const fs = opts.fs ?? nodeFs;
  const shown = files.map((f) => f.path);
  const targets = files.map((f) => path.resolve(f.path));
  checkDistinct(targets, shown);
  for (const [i, target] of targets.entries()) {
    await refuseInputs(fs, shown[i] ?? target, target, opts.inputs);
  }
  const madeFolders: string[] = [];
  const temps = new Set<string>();
  const backups: { target: string; backup: string }[] = [];
  const renamed: { target: string; backup: string | null }[] = [];
  let current = shown[0] ?? '';
  try {
    const staged: string[] = [];
    for (const [i, file] of files.entries()) {
      const target = targets[i] ?? file.path;
      current = file.path;
      await makeParents(fs, path.dirname(target), madeFolders);
      const temp = tempBeside(target, 'tmp');
      temps.add(temp);
      await writeSynced(fs, temp, file.data);
      staged.push(temp);
    }
    for (const [i, temp] of staged.entries()) {
      const target = targets[i] ?? temp;
      current = shown[i] ?? target;
      // A hard link keeps the file being replaced, so a later failure can put it back.
      let backup: string | null = null;
      if ((await statOrNull(fs, target))?.isFile()) {
        const candidate = tempBeside(target, 'old');
        try {
          await fs.link(target, candidate);
          backup = candidate;
          backups.push({ target, backup });
        } catch {
          backup = null;
        }
      }
      await fs.rename(temp, target);
      temps.delete(temp);
      renamed.push({ target, backup });
    }
    for (const dir of new Set(targets.map((t) => path.dirname(t)))) await syncFolder(fs, dir);
    for (const { backup } of backups) await quietly(() => fs.rm(backup, { force: true }));
  } catch (e) {
    for (const temp of temps) await quietly(() => fs.rm(temp, { force: true }));
    for (const { target, backup } of renamed.reverse()) {
      await quietly(() => (backup ? fs.rename(backup, target) : fs.rm(target, { force: true })));
    }
    for (const { backup } of backups) await quietly(() => fs.rm(backup, { force: true }));
    await removeFolders(fs, madeFolders);
    throw writeError(e, current);
  }
}

/** A file name inside the folder: one plain name, no separators, no `.` or `..`. */
function checkName(name: string, dir: string): void {
  if (name === '' || name === '.' || name === '..' || /[/\\]/.test(name) || name.includes('\0')) {
    throw new FaultlineError({
      code: 'bad_argument',
      message: `${dir}: ${JSON.stringify(name)} is not a plain file name`,
    });
  }
}

/** `dir` is or holds `input` (by path, or by real path when both exist). */
async function holdsInput(fs: AtomicFs, dir: string, input: string): Promise<boolean> {
  const within = (parent: string, child: string) =>
    child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);
  if (within(path.resolve(dir), path.resolve(input))) return true;
  const [realDir, realInput] = await Promise.all([realOrNull(fs, dir), realOrNull(fs, input)]);
  if (realDir !== null && realInput !== null && within(realDir, realInput)) return true;
  return sameFile(fs, dir, input);
}

/**
 * A folder written whole: files into a temp folder beside it, then renamed into place; refuses
 * when DIR exists and is not empty unless opts.replace, and never when DIR is or contains an
 * input. An existing DIR is moved aside first and put back if the rename fails.
 */
export async function writeFolderAtomic(
  dir: string,
  files: readonly { name: string; data: string | Uint8Array }[],
  opts: { inputs: readonly string[]; replace?: boolean; fs?: AtomicFs },
): Promise<void> {
  const fs = opts.fs ?? nodeFs;
  for (const f of files) checkName(f.name, dir);
  checkDistinct(
    files.map((f) => f.name),
    files.map((f) => f.name),
  );
  for (const input of opts.inputs) {
    if (await holdsInput(fs, dir, input)) {
      throw inputError(
        dir,
        path.resolve(dir) === path.resolve(input)
          ? `${dir} is an input file; choose another output path`
          : `${dir} holds the input ${input}; choose another output folder`,
      );
    }
  }
  const existing = await statOrNull(fs, dir);
  // A link to a folder is followed: the folder it points to is the one replaced.
  const target =
    existing !== null ? ((await realOrNull(fs, dir)) ?? path.resolve(dir)) : path.resolve(dir);
  if (existing !== null && !existing.isDirectory()) {
    throw new FaultlineError({
      code: 'output_exists',
      file: dir,
      message: `${dir} exists and is a file, not a folder; choose another output folder`,
    });
  }
  if (existing !== null && !opts.replace && (await fs.readdir(target)).length > 0) {
    throw new FaultlineError({
      code: 'output_exists',
      file: dir,
      message: `${dir} exists and is not empty; choose a new or empty folder (nothing was written)`,
    });
  }
  const madeFolders: string[] = [];
  let temp: string | null = null;
  let aside: string | null = null;
  try {
    await makeParents(fs, path.dirname(target), madeFolders);
    // mkdir, not mkdtemp: mkdtemp makes the folder 0700, and it becomes the user's folder.
    const made = tempBeside(target, 'tmp');
    await fs.mkdir(made);
    temp = made;
    for (const f of files) await writeSynced(fs, path.join(temp, f.name), f.data);
    await syncFolder(fs, temp);
    if (existing !== null) {
      aside = tempBeside(target, 'old');
      await fs.rename(target, aside);
    }
    await fs.rename(temp, target);
    temp = null;
    await syncFolder(fs, path.dirname(target));
    if (aside !== null) {
      const old = aside;
      aside = null;
      await quietly(() => fs.rm(old, { recursive: true, force: true }));
    }
  } catch (e) {
    const [left, old] = [temp, aside];
    if (left !== null) await quietly(() => fs.rm(left, { recursive: true, force: true }));
    if (old !== null) await quietly(() => fs.rename(old, target));
    await removeFolders(fs, madeFolders);
    throw writeError(e, dir);
  }
}
