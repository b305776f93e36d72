import type { OpenDialogOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { workspaceToJson, type Workspace } from '../shared/workspace/workspace-file.ts';
import { createFileGrants } from './file-grants.ts';
import {
  MAX_WORKSPACE_BYTES,
  openWorkspace,
  workspaceWithPaths,
  type WorkspaceOpenDeps,
} from './workspace-files.ts';

const hashA = 'aa'.repeat(32);
const hashB = 'bb'.repeat(32);

function saved(): Workspace {
  return {
    version: 1,
    saved_at: '2025-06-01T12:00:00.000Z',
    files: [
      {
        side: 'reference',
        name: 'train.csv',
        path: '/data/train.csv',
        sha256: hashA,
        size: 10,
        rows: 2,
        format: 'csv',
      },
      {
        side: 'current',
        name: 'production.parquet',
        path: '/data/production.parquet',
        sha256: hashA,
        size: 20,
        rows: 3,
        format: 'parquet',
      },
      {
        side: 'log',
        name: 'gone.csv',
        path: '/data/gone.csv',
        sha256: hashA,
        size: 5,
        rows: 1,
        format: 'csv',
      },
      {
        side: 'canary',
        name: 'browser.csv',
        path: null,
        sha256: hashA,
        size: 5,
        rows: 1,
        format: 'csv',
      },
    ],
    overrides: { current: { roles: { 'p(fraud)': 'score' } } },
    cohort: [{ column: 'region', op: '=', value: 'EU' }],
    canary: null,
    choices: {},
    pins: [],
    notes: 'check APAC',
    active_view: 'drift',
  };
}

/** A file system of `files` (path → text, or size and hash for data files). */
function fakes(
  chosen: string | null,
  files: Record<string, { text?: string; size?: number; sha256?: string; dir?: boolean }>,
) {
  const dialogs: OpenDialogOptions[] = [];
  const hashed: string[] = [];
  let n = 0;
  const grants = createFileGrants(() => new Uint8Array(16).fill(++n));
  const entry = (path: string) => {
    const file = files[path];
    if (file === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return file;
  };
  const deps: WorkspaceOpenDeps = {
    showOpenDialog: async (options) => {
      dialogs.push(options);
      return chosen === null
        ? { canceled: true, filePaths: [] }
        : { canceled: false, filePaths: [chosen] };
    },
    stat: async (path) => {
      const file = entry(path);
      return { size: file.size ?? file.text?.length ?? 0, isFile: () => file.dir !== true };
    },
    readText: async (path) => entry(path).text ?? '',
    sha256File: async (path) => {
      hashed.push(path);
      return entry(path).sha256 ?? hashA;
    },
    grants,
  };
  return { deps, dialogs, hashed, grants };
}

describe('openWorkspace', () => {
  it('grants the inputs still there and says which are the same, changed or missing', async () => {
    const f = fakes('/home/me/june.faultline.json', {
      '/home/me/june.faultline.json': { text: workspaceToJson(saved()) },
      '/data/train.csv': { size: 10, sha256: hashA },
      '/data/production.parquet': { size: 22, sha256: hashB },
    });
    const reply = await openWorkspace(f.deps);
    if ('cancelled' in reply) throw new Error('cancelled');
    expect(reply.name).toBe('june.faultline.json');
    expect(reply.workspace).toEqual(saved());
    expect(
      reply.inputs.map((i) => [i.check.status, i.file?.name ?? null, i.file?.size ?? null]),
    ).toEqual([
      ['same', 'train.csv', 10],
      ['changed', 'production.parquet', 22],
      ['missing', null, null],
      ['missing', null, null],
    ]);
    expect(reply.inputs[1]?.check.message).toBe(
      'production.parquet changed since the workspace was saved (sha256 aaaa… → bbbb…): its numbers will differ',
    );
    expect(reply.inputs[2]?.check.message).toBe('gone.csv is missing (it was at /data/gone.csv)');
    expect(f.grants.resolve(reply.inputs[0]?.file?.id ?? '')).toBe('/data/train.csv');
    expect(f.grants.resolve(reply.inputs[1]?.file?.id ?? '')).toBe('/data/production.parquet');
    expect(f.hashed).toEqual(['/data/train.csv', '/data/production.parquet']);
    expect(f.dialogs[0]?.properties).toEqual(['openFile']);
  });

  it('treats a folder where a file was, or a file that fails to hash, as missing', async () => {
    const f = fakes('/w.json', {
      '/w.json': { text: workspaceToJson(saved()) },
      '/data/train.csv': { dir: true },
    });
    f.deps.sha256File = async () => {
      throw new Error('EIO');
    };
    f.deps.stat = async (path) =>
      path === '/data/production.parquet'
        ? { size: 1, isFile: () => true }
        : { size: path === '/w.json' ? 10 : 0, isFile: () => path === '/w.json' };
    const reply = await openWorkspace(f.deps);
    if ('cancelled' in reply) throw new Error('cancelled');
    expect(reply.inputs.map((i) => i.check.status)).toEqual([
      'missing',
      'missing',
      'missing',
      'missing',
    ]);
    expect(reply.inputs.every((i) => i.file === null)).toBe(true);
  });

  it('replies cancelled without reading when the dialog is closed', async () => {
    const f = fakes(null, {});
    expect(await openWorkspace(f.deps)).toEqual({ cancelled: true });
  });

  it('names the file when it is not a workspace, and refuses a huge one unread', async () => {
    const bad = fakes('/home/me/data.json', { '/home/me/data.json': { text: '[1,2,3]' } });
    await expect(openWorkspace(bad.deps)).rejects.toThrow(/^data\.json: not a Faultline workspace/);
    const newer = { ...JSON.parse(workspaceToJson(saved())), version: 3 } as unknown;
    const future = fakes('/w.json', { '/w.json': { text: JSON.stringify(newer) } });
    await expect(openWorkspace(future.deps)).rejects.toThrow(/version 3 was written by a newer/);
    const huge = fakes('/big.json', { '/big.json': { size: MAX_WORKSPACE_BYTES + 1 } });
    huge.deps.readText = () => Promise.reject(new Error('read'));
    await expect(openWorkspace(huge.deps)).rejects.toMatchObject({
      code: 'bad_argument',
      message: expect.stringMatching(/^big\.json: 16777217 bytes is too big for a workspace/),
    });
    expect(huge.hashed).toEqual([]);
  });
});

describe('workspaceWithPaths', () => {
  it('writes in the path of each granted file and keeps the others', () => {
    let n = 0;
    const grants = createFileGrants(() => new Uint8Array(16).fill(++n));
    const id = grants.grant('/new/place/train.csv', 10);
    const w = workspaceWithPaths(saved(), [id, null, null, null], grants);
    expect(w.files.map((f) => f.path)).toEqual([
      '/new/place/train.csv',
      '/data/production.parquet',
      '/data/gone.csv',
      null,
    ]);
    expect(saved().files[0]?.path).toBe('/data/train.csv');
    expect(() => workspaceWithPaths(saved(), ['c'.repeat(32)], grants)).toThrow(/not granted/);
  });
});
