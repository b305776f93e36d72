import { describe, expect, it } from 'vitest';
import { createFileGrants } from './file-grants.ts';
import {
  filesFromArgv,
  openStartupFiles,
  planStartupOpens,
  startupFailureMessage,
  type FileStat,
} from './startup-files.ts';

describe('filesFromArgv', () => {
  it('drops the executable and the script path of `electron main.mjs …`', () => {
    const argv = ['/x/electron', 'dist/electron/main.mjs', 'train.parquet', 'prod.parquet'];
    expect(filesFromArgv(argv, true)).toEqual(['train.parquet', 'prod.parquet']);
  });

  it('keeps every positional argument of a packaged app, which has no script path', () => {
    expect(filesFromArgv(['/opt/Faultline/faultline', 'a.csv', 'b.csv'], false)).toEqual([
      'a.csv',
      'b.csv',
    ]);
  });

  it('skips Chromium and Node switches wherever they are', () => {
    const argv = [
      '/x/electron',
      '--no-sandbox',
      '--inspect=0',
      '--remote-debugging-port=0',
      'dist/electron/main.mjs',
      '--enable-logging',
      'a.csv',
      '-psn_0_12345',
    ];
    expect(filesFromArgv(argv, true)).toEqual(['a.csv']);
  });

  it('takes everything after -- as a file, even names starting with a dash', () => {
    expect(filesFromArgv(['/x/electron', 'main.mjs', '--', '-odd.csv', 'b.csv'], true)).toEqual([
      '-odd.csv',
      'b.csv',
    ]);
  });

  it('gives no files for a bare start', () => {
    expect(filesFromArgv(['/x/electron', 'main.mjs'], true)).toEqual([]);
    expect(filesFromArgv(['/opt/Faultline/faultline'], false)).toEqual([]);
  });
});

describe('planStartupOpens', () => {
  it('opens the first file as reference, the second as current, the rest as logs', () => {
    expect(planStartupOpens(['a', 'b', 'c', 'd'])).toEqual([
      { purpose: 'reference', paths: ['a'] },
      { purpose: 'current', paths: ['b'] },
      { purpose: 'log', paths: ['c', 'd'] },
    ]);
  });

  it('leaves out purposes with no file', () => {
    expect(planStartupOpens([])).toEqual([]);
    expect(planStartupOpens(['a'])).toEqual([{ purpose: 'reference', paths: ['a'] }]);
    expect(planStartupOpens(['a', 'b'])).toEqual([
      { purpose: 'reference', paths: ['a'] },
      { purpose: 'current', paths: ['b'] },
    ]);
  });
});

function fakeStat(files: Record<string, number>, folders: string[] = []) {
  const statted: string[] = [];
  const stat = async (path: string): Promise<FileStat> => {
    statted.push(path);
    if (folders.includes(path)) return { size: 4096, isFile: () => false };
    const size = files[path];
    if (size === undefined) {
      throw Object.assign(new Error(`ENOENT: no such file, stat '${path}'`), { code: 'ENOENT' });
    }
    return { size, isFile: () => true };
  };
  return { stat, statted };
}

describe('openStartupFiles', () => {
  it('grants every file and replies names and sizes, never paths', async () => {
    const grants = createFileGrants(() => crypto.getRandomValues(new Uint8Array(16)));
    const { stat } = fakeStat({ '/d/train.parquet': 100, '/d/prod.parquet': 200, '/d/l.csv': 3 });
    const plan = planStartupOpens(['/d/train.parquet', '/d/prod.parquet', '/d/l.csv']);
    const result = await openStartupFiles(plan, { stat, grants });
    expect(result.opens.map((o) => [o.purpose, o.files.map((f) => [f.name, f.size])])).toEqual([
      ['reference', [['train.parquet', 100]]],
      ['current', [['prod.parquet', 200]]],
      ['log', [['l.csv', 3]]],
    ]);
    expect(JSON.stringify(result.opens)).not.toContain('/d/');
    expect(grants.resolve(result.opens[1]?.files[0]?.id ?? '')).toBe('/d/prod.parquet');
    expect(result.opened).toEqual([
      { path: '/d/train.parquet', purpose: 'reference' },
      { path: '/d/prod.parquet', purpose: 'current' },
      { path: '/d/l.csv', purpose: 'log' },
    ]);
    expect(result.failures).toEqual([]);
  });

  it('reports a missing file or a folder by path and still opens the rest in their places', async () => {
    const grants = createFileGrants(() => crypto.getRandomValues(new Uint8Array(16)));
    const { stat, statted } = fakeStat({ '/d/prod.parquet': 200 }, ['/d/logs']);
    const plan = planStartupOpens(['/d/gone.parquet', '/d/prod.parquet', '/d/logs']);
    const result = await openStartupFiles(plan, { stat, grants });
    expect(statted).toEqual(['/d/gone.parquet', '/d/prod.parquet', '/d/logs']);
    expect(result.opens.map((o) => [o.purpose, o.files.map((f) => f.name)])).toEqual([
      ['current', ['prod.parquet']],
    ]);
    expect(result.opened).toEqual([{ path: '/d/prod.parquet', purpose: 'current' }]);
    expect(result.failures).toEqual([
      { path: '/d/gone.parquet', reason: 'no such file' },
      { path: '/d/logs', reason: 'not a file (to open a folder, name its files)' },
    ]);
  });

  it('gives the error message for failures it has no name for', async () => {
    const grants = createFileGrants(() => crypto.getRandomValues(new Uint8Array(16)));
    const stat = async (): Promise<FileStat> => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    };
    const odd = async (): Promise<FileStat> => {
      throw new Error('ELOOP: too many symbolic links');
    };
    const denied = await openStartupFiles(planStartupOpens(['/root/a']), { stat, grants });
    const looped = await openStartupFiles(planStartupOpens(['/l']), { stat: odd, grants });
    expect(denied.failures).toEqual([{ path: '/root/a', reason: 'permission denied' }]);
    expect(looped.failures).toEqual([{ path: '/l', reason: 'ELOOP: too many symbolic links' }]);
    expect(denied.opens).toEqual([]);
  });
});

describe('startupFailureMessage', () => {
  it('names each file and why', () => {
    expect(startupFailureMessage([{ path: '/d/a.csv', reason: 'no such file' }])).toEqual({
      message: 'A file named on the command line could not be opened.',
      detail: '/d/a.csv: no such file',
    });
    const two = startupFailureMessage([
      { path: '/d/a.csv', reason: 'no such file' },
      { path: '/d/b', reason: 'permission denied' },
    ]);
    expect(two.message).toBe('2 files named on the command line could not be opened.');
    expect(two.detail).toBe('/d/a.csv: no such file\n/d/b: permission denied');
  });
});
