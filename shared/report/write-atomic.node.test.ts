import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { FaultlineError } from '../errors.ts';
import { writeFolderAtomic, writeOutputs, type AtomicFs } from './write-atomic.node.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'faultline-write-'));
});

const at = (...parts: string[]) => path.join(root, ...parts);
/** Every entry under root, recursively, as relative paths: what a failed write must not add. */
const tree = (dir = root): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = path.relative(root, path.join(dir, e.name));
    return e.isDirectory() ? [rel + '/', ...tree(path.join(dir, e.name))] : [rel];
  });

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

async function caught(p: Promise<unknown>): Promise<FaultlineError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FaultlineError) return e;
    throw e;
  }
  throw new Error('expected the write to fail');
}

/**
 * The real fs, except that the `failOn`-th write (1-based) writes half its data and then fails
 * with `code`, as a full or read-only disk does mid-file.
 */
function failingWrites(failOn: number, code: string): AtomicFs {
  let writes = 0;
  return {
    ...nodeFs,
    open: (async (file: string, flags: string) => {
      const handle = await nodeFs.open(file, flags);
      if (flags !== 'wx') return handle;
      return new Proxy(handle, {
        get(target, key) {
          if (key === 'writeFile') {
            return async (data: string | Uint8Array) => {
              if (++writes !== failOn) return target.writeFile(data);
              await target.writeFile(data.slice(0, Math.floor(data.length / 2)));
              throw errno(code);
            };
          }
          const v: unknown = Reflect.get(target, key);
          return typeof v === 'function' ? (v as () => unknown).bind(target) : v;
        },
      });
    }) as AtomicFs['open'],
  };
}

describe('writeOutputs', () => {
  it('writes every file, making the missing folders, and leaves no temp file', async () => {
    await writeOutputs(
      [
        { path: at('out', 'deep', 'report.md'), data: '# hello\n' },
        { path: at('out', 'data.bin'), data: new Uint8Array([1, 2, 3]) },
      ],
      { inputs: [] },
    );
    expect(readFileSync(at('out', 'deep', 'report.md'), 'utf8')).toBe('# hello\n');
    expect([...readFileSync(at('out', 'data.bin'))]).toEqual([1, 2, 3]);
    expect(tree().sort()).toEqual(['out/', 'out/data.bin', 'out/deep/', 'out/deep/report.md']);
  });

  it('replaces an existing target whole', async () => {
    writeFileSync(at('report.html'), 'old report, a long one'.repeat(100));
    await writeOutputs([{ path: at('report.html'), data: 'new' }], { inputs: [] });
    expect(readFileSync(at('report.html'), 'utf8')).toBe('new');
    expect(tree()).toEqual(['report.html']);
  });

  it('refuses an input, by path, relative path, symlink or hard link, and writes nothing', async () => {
    writeFileSync(at('log.csv'), 'a,b\n1,2\n');
    symlinkSync(at('log.csv'), at('link.csv'));
    linkSync(at('log.csv'), at('hard.csv'));
    const relative = path.relative(process.cwd(), at('log.csv'));
    for (const target of [at('log.csv'), relative, at('link.csv'), at('hard.csv')]) {
      const e = await caught(
        writeOutputs(
          [
            { path: at('first.md'), data: 'x' },
            { path: target, data: 'overwritten' },
          ],
          { inputs: [at('log.csv')] },
        ),
      );
      expect(e.code).toBe('overwrite_input');
      expect(e.message).toBe(`${target} is an input file; choose another output path`);
    }
    expect(readFileSync(at('log.csv'), 'utf8')).toBe('a,b\n1,2\n');
    expect(tree().sort()).toEqual(['hard.csv', 'link.csv', 'log.csv']);
  });

  it('refuses a spelling a case-insensitive file system resolves to the input', async () => {
    writeFileSync(at('log.csv'), 'a\n1\n');
    // ext4 is case-sensitive: this fs answers as APFS or NTFS would, one file for both spellings.
    const lower = (p: string) => path.join(path.dirname(p), path.basename(p).toLowerCase());
    const caseless: AtomicFs = {
      ...nodeFs,
      stat: ((p: string) => nodeFs.stat(lower(p))) as AtomicFs['stat'],
      realpath: ((p: string) => nodeFs.realpath(lower(p))) as AtomicFs['realpath'],
    };
    const e = await caught(
      writeOutputs([{ path: at('LOG.CSV'), data: 'x' }], { inputs: [at('log.csv')], fs: caseless }),
    );
    expect(e.code).toBe('overwrite_input');
    expect(tree()).toEqual(['log.csv']);
  });

  it('on a full disk mid-write: says so, naming the file, and leaves nothing behind', async () => {
    writeFileSync(at('keep.txt'), 'untouched');
    const e = await caught(
      writeOutputs(
        [
          { path: at('new', 'a.md'), data: 'first file' },
          { path: at('new', 'sub', 'b.md'), data: 'second file, half written' },
        ],
        { inputs: [], fs: failingWrites(2, 'ENOSPC') },
      ),
    );
    expect(e.code).toBe('write_failed');
    expect(e.message).toBe(
      `${at('new', 'sub', 'b.md')}: cannot write: the disk is full (nothing was written)`,
    );
    expect(tree()).toEqual(['keep.txt']);
    expect(readFileSync(at('keep.txt'), 'utf8')).toBe('untouched');
  });

  it('when a rename fails after another: removes the renamed new file, restores the replaced one', async () => {
    writeFileSync(at('a.md'), 'previous a');
    let renames = 0;
    const fs: AtomicFs = {
      ...nodeFs,
      rename: (async (from: string, to: string) => {
        if (from.endsWith('.tmp') && ++renames === 3) throw errno('EROFS');
        return nodeFs.rename(from, to);
      }) as AtomicFs['rename'],
    };
    const e = await caught(
      writeOutputs(
        [
          { path: at('a.md'), data: 'new a' },
          { path: at('b.md'), data: 'new b' },
          { path: at('c.md'), data: 'new c' },
        ],
        { inputs: [], fs },
      ),
    );
    expect(e.message).toBe(
      `${at('c.md')}: cannot write: the folder is read-only or not writable (nothing was written)`,
    );
    expect(tree()).toEqual(['a.md']);
    expect(readFileSync(at('a.md'), 'utf8')).toBe('previous a');
  });

  it('names the folder that cannot be made', async () => {
    const fs: AtomicFs = {
      ...nodeFs,
      mkdir: (async () => {
        throw errno('EACCES');
      }) as AtomicFs['mkdir'],
    };
    const e = await caught(writeOutputs([{ path: at('x', 'r.md'), data: '' }], { inputs: [], fs }));
    expect(e.message).toBe(
      `${at('x', 'r.md')}: cannot write: the folder is read-only or not writable (nothing was written)`,
    );
  });

  it('refuses the same target twice', async () => {
    const e = await caught(
      writeOutputs(
        [
          { path: at('r.md'), data: '1' },
          { path: path.join(root, '.', 'r.md'), data: '2' },
        ],
        { inputs: [] },
      ),
    );
    expect(e.code).toBe('bad_argument');
    expect(tree()).toEqual([]);
  });
});

describe('writeFolderAtomic', () => {
  const files = [
    { name: 'manifest.json', data: '{}\n' },
    { name: 'rows.jsonl', data: '{"id":1}\n' },
  ];

  it('writes the folder whole and leaves no temp folder beside it', async () => {
    await writeFolderAtomic(at('fixtures', 'apac'), files, { inputs: [] });
    expect(tree().sort()).toEqual([
      'fixtures/',
      'fixtures/apac/',
      'fixtures/apac/manifest.json',
      'fixtures/apac/rows.jsonl',
    ]);
    expect(readFileSync(at('fixtures', 'apac', 'rows.jsonl'), 'utf8')).toBe('{"id":1}\n');
    // As open as any folder the user makes (mkdtemp's would be 0700).
    mkdirSync(at('plain'));
    expect(statSync(at('fixtures', 'apac')).mode).toBe(statSync(at('plain')).mode);
  });

  it('fills an existing empty folder', async () => {
    mkdirSync(at('fx'));
    await writeFolderAtomic(at('fx'), files, { inputs: [] });
    expect(tree().sort()).toEqual(['fx/', 'fx/manifest.json', 'fx/rows.jsonl']);
  });

  it('refuses a non-empty folder unless asked to replace it', async () => {
    mkdirSync(at('fx'));
    writeFileSync(at('fx', 'old.txt'), 'old');
    const e = await caught(writeFolderAtomic(at('fx'), files, { inputs: [] }));
    expect(e.code).toBe('output_exists');
    expect(e.message).toBe(
      `${at('fx')} exists and is not empty; choose a new or empty folder (nothing was written)`,
    );
    expect(tree().sort()).toEqual(['fx/', 'fx/old.txt']);
    await writeFolderAtomic(at('fx'), files, { inputs: [], replace: true });
    expect(tree().sort()).toEqual(['fx/', 'fx/manifest.json', 'fx/rows.jsonl']);
  });

  it('never writes over a folder that is or holds an input, even with replace', async () => {
    mkdirSync(at('logs'));
    writeFileSync(at('logs', 'log.csv'), 'a\n1\n');
    symlinkSync(at('logs'), at('logs-link'));
    for (const dir of [at('logs'), at('logs-link'), root]) {
      const e = await caught(
        writeFolderAtomic(dir, files, { inputs: [at('logs', 'log.csv')], replace: true }),
      );
      expect(e.code).toBe('overwrite_input');
      expect(e.message).toBe(
        `${dir} holds the input ${at('logs', 'log.csv')}; choose another output folder`,
      );
    }
    const e = await caught(
      writeFolderAtomic(at('logs', 'log.csv'), files, { inputs: [at('logs', 'log.csv')] }),
    );
    expect(e.message).toBe(`${at('logs', 'log.csv')} is an input file; choose another output path`);
    expect(readFileSync(at('logs', 'log.csv'), 'utf8')).toBe('a\n1\n');
    expect(tree().sort()).toEqual(['logs-link', 'logs/', 'logs/log.csv']);
  });

  it('refuses a file where the folder should go', async () => {
    writeFileSync(at('fx'), 'a file');
    const e = await caught(writeFolderAtomic(at('fx'), files, { inputs: [] }));
    expect(e.code).toBe('output_exists');
    expect(readFileSync(at('fx'), 'utf8')).toBe('a file');
  });

  it('refuses a file name that is a path', async () => {
    const e = await caught(
      writeFolderAtomic(at('fx'), [{ name: '../escape.txt', data: 'x' }], { inputs: [] }),
    );
    expect(e.code).toBe('bad_argument');
    expect(tree()).toEqual([]);
  });

  it('on a full disk mid-write: no folder, no temp folder, no new parent', async () => {
    const e = await caught(
      writeFolderAtomic(at('new', 'fx'), files, { inputs: [], fs: failingWrites(2, 'ENOSPC') }),
    );
    expect(e.message).toBe(
      `${at('new', 'fx')}: cannot write: the disk is full (nothing was written)`,
    );
    expect(tree()).toEqual([]);
  });

  it('when the final rename fails, the replaced folder is put back as it was', async () => {
    mkdirSync(at('fx'));
    writeFileSync(at('fx', 'old.txt'), 'old');
    const fs: AtomicFs = {
      ...nodeFs,
      rename: (async (from: string, to: string) => {
        if (from.endsWith('.tmp')) throw errno('EPERM');
        return nodeFs.rename(from, to);
      }) as AtomicFs['rename'],
    };
    const e = await caught(writeFolderAtomic(at('fx'), files, { inputs: [], replace: true, fs }));
    expect(e.message).toContain('the folder is read-only or not writable');
    expect(tree().sort()).toEqual(['fx/', 'fx/old.txt']);
    expect(existsSync(at('fx', 'manifest.json'))).toBe(false);
  });
});
