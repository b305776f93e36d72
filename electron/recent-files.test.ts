import { mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addRecent,
  createRecentStore,
  MAX_RECENT,
  parseRecent,
  type RecentFs,
} from './recent-files.ts';

const nodeFs: RecentFs = { readFile, mkdir, writeFile, rename, rm };

/** An in-memory file system that records each call and can be told to fail one. */
function memoryFs(initial: Record<string, string> = {}, failing?: 'writeFile' | 'rename') {
  const files = new Map(Object.entries(initial));
  const calls: string[] = [];
  const fs: RecentFs = {
    async readFile(path) {
      calls.push(`readFile ${path}`);
      const text = files.get(path);
      if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return text;
    },
    async mkdir(path) {
      calls.push(`mkdir ${path}`);
    },
    async writeFile(path, data) {
      calls.push(`writeFile ${path}`);
      if (failing === 'writeFile') throw new Error('ENOSPC: no space left on device');
      files.set(path, data);
    },
    async rename(from, to) {
      calls.push(`rename ${from} ${to}`);
      if (failing === 'rename') throw new Error('EXDEV');
      const text = files.get(from);
      if (text === undefined) throw new Error(`rename of missing ${from}`);
      files.set(to, text);
      files.delete(from);
    },
    async rm(path) {
      calls.push(`rm ${path}`);
      files.delete(path);
    },
  };
  return { fs, files, calls };
}

describe('parseRecent', () => {
  it('reads a saved list', () => {
    const text = JSON.stringify([
      { path: '/d/train.csv', purpose: 'reference' },
      { path: '/d/prod.csv', purpose: 'current' },
    ]);
    expect(parseRecent(text)).toEqual([
      { path: '/d/train.csv', purpose: 'reference' },
      { path: '/d/prod.csv', purpose: 'current' },
    ]);
  });

  it.each([
    ['empty text', ''],
    ['broken JSON', '[{"path": "/d/a.csv", '],
    ['an object', '{"path": "/d/a.csv", "purpose": "log"}'],
    ['null', 'null'],
    ['a string', '"/d/a.csv"'],
  ])('gives an empty list for %s', (_name, text) => {
    expect(parseRecent(text)).toEqual([]);
  });

  it('skips bad entries, repeats and anything past the limit, and keeps the rest', () => {
    const entries = [
      { path: '/d/a.csv', purpose: 'log' },
      { path: '/d/b.csv', purpose: 'secrets' },
      { path: '', purpose: 'log' },
      { path: '/d/c.csv', purpose: 'current', extra: 1 },
      '/d/d.csv',
      { path: '/d/a.csv', purpose: 'current' },
      ...Array.from({ length: 12 }, (_, i) => ({ path: `/d/n${i}.csv`, purpose: 'reference' })),
    ];
    const parsed = parseRecent(JSON.stringify(entries));
    expect(parsed).toHaveLength(MAX_RECENT);
    expect(parsed[0]).toEqual({ path: '/d/a.csv', purpose: 'log' });
    expect(parsed[1]).toEqual({ path: '/d/n0.csv', purpose: 'reference' });
    expect(parsed.at(-1)).toEqual({ path: '/d/n8.csv', purpose: 'reference' });
  });
});

describe('addRecent', () => {
  it('puts new files first, moves a reopened file to the top and keeps at most MAX_RECENT', () => {
    const old = Array.from({ length: MAX_RECENT }, (_, i) => ({
      path: `/d/${i}.csv`,
      purpose: 'log' as const,
    }));
    const next = addRecent(old, [
      { path: '/d/new.csv', purpose: 'reference' },
      { path: '/d/3.csv', purpose: 'current' },
    ]);
    expect(next.map((f) => f.path)).toEqual([
      '/d/new.csv',
      '/d/3.csv',
      '/d/0.csv',
      '/d/1.csv',
      '/d/2.csv',
      '/d/4.csv',
      '/d/5.csv',
      '/d/6.csv',
      '/d/7.csv',
      '/d/8.csv',
    ]);
    expect(next[1]).toEqual({ path: '/d/3.csv', purpose: 'current' });
    expect(old).toHaveLength(MAX_RECENT);
  });
});

describe('createRecentStore', () => {
  const path = '/config/Faultline/recent.json';

  it('loads an empty list when recent.json is missing or damaged, without throwing', async () => {
    expect(await createRecentStore(path, memoryFs().fs, '1').load()).toEqual([]);
    const damaged = memoryFs({ [path]: '{"oops' });
    expect(await createRecentStore(path, damaged.fs, '1').load()).toEqual([]);
  });

  it('makes the folder, writes a temp file beside recent.json, then renames it over', async () => {
    const { fs, files, calls } = memoryFs();
    const store = createRecentStore(path, fs, '4242');
    await store.save([{ path: '/d/a.csv', purpose: 'reference' }]);
    expect(calls).toEqual([
      'mkdir /config/Faultline',
      `writeFile ${path}.4242.tmp`,
      `rename ${path}.4242.tmp ${path}`,
    ]);
    expect([...files.keys()]).toEqual([path]);
    expect(await store.load()).toEqual([{ path: '/d/a.csv', purpose: 'reference' }]);
  });

  it('runs saves one after another so the last one wins', async () => {
    const { fs, files } = memoryFs();
    const store = createRecentStore(path, fs, '1');
    await Promise.all([
      store.save([{ path: '/d/first.csv', purpose: 'log' }]),
      store.save([{ path: '/d/second.csv', purpose: 'log' }]),
    ]);
    expect(parseRecent(files.get(path) ?? '')).toEqual([{ path: '/d/second.csv', purpose: 'log' }]);
  });

  it('saves the list as it was when save was called', async () => {
    const { fs, files } = memoryFs();
    const store = createRecentStore(path, fs, '1');
    const list = [{ path: '/d/a.csv', purpose: 'log' as const }];
    const saved = store.save(list);
    list.push({ path: '/d/later.csv', purpose: 'log' });
    await saved;
    expect(parseRecent(files.get(path) ?? '')).toEqual([{ path: '/d/a.csv', purpose: 'log' }]);
  });

  it.each(['writeFile', 'rename'] as const)(
    'keeps the old file and removes the temp file when %s fails, and later saves still run',
    async (failing) => {
      const old = JSON.stringify([{ path: '/d/old.csv', purpose: 'log' }]);
      const { fs, files, calls } = memoryFs({ [path]: old }, failing);
      const store = createRecentStore(path, fs, '7');
      await expect(store.save([{ path: '/d/new.csv', purpose: 'log' }])).rejects.toThrow();
      expect(Object.fromEntries(files)).toEqual({ [path]: old });
      expect(calls.at(-1)).toBe(`rm ${path}.7.tmp`);
      await expect(store.save([])).rejects.toThrow();
      expect(calls.filter((c) => c.startsWith('writeFile'))).toHaveLength(2);
    },
  );

  it('round-trips through the real file system', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'faultline-recent-'));
    try {
      // A first run: the app's data folder does not exist yet.
      const file = join(dir, 'Faultline', 'recent.json');
      const store = createRecentStore(file, nodeFs, String(process.pid));
      expect(await store.load()).toEqual([]);
      await store.save([{ path: '/d/a.csv', purpose: 'current' }]);
      expect(await readdir(join(dir, 'Faultline'))).toEqual(['recent.json']);
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual([
        { path: '/d/a.csv', purpose: 'current' },
      ]);
      expect(await createRecentStore(file, nodeFs, '2').load()).toEqual([
        { path: '/d/a.csv', purpose: 'current' },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
