import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { FaultlineError } from '../shared/errors.ts';
import { CHANNEL_NAMES } from '../shared/ipc/contract.ts';
import { parseWorkspace, type Workspace } from '../shared/workspace/workspace-file.ts';
import type { ExportRequest } from './export.ts';
import { createFileGrants } from './file-grants.ts';
import { registerHandlers, type HandlerDeps } from './ipc-handlers.ts';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

function setup(overrides: Partial<HandlerDeps> = {}) {
  const handlers = new Map<string, Handler>();
  const ipc: Pick<IpcMain, 'handle'> = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`registered twice: ${channel}`);
      handlers.set(channel, listener);
    },
  };
  const calls: string[] = [];
  const saves: ExportRequest[] = [];
  let counter = 0;
  const grants = createFileGrants(() => new Uint8Array(16).fill(++counter));
  const deps: HandlerDeps = {
    showOpenDialog: async (purpose) => {
      calls.push(`showOpenDialog ${purpose}`);
      return [
        { path: '/data/train.csv', size: 300 },
        { path: '/data/prod.parquet', size: 9000 },
      ];
    },
    readRange: async (path, start, end) => {
      calls.push(`readRange ${path} ${start} ${end}`);
      return new Uint8Array(end - start).fill(7);
    },
    grants,
    appInfo: () => {
      calls.push('appInfo');
      return { version: '0.1.0', platform: 'linux' };
    },
    startupFiles: async () => {
      calls.push('startupFiles');
      const id = grants.grant('/data/train.parquet', 500);
      return [{ purpose: 'reference', files: [{ id, name: 'train.parquet', size: 500 }] }];
    },
    sha256File: async (path) => {
      calls.push(`sha256File ${path}`);
      return 'ab'.repeat(32);
    },
    saveExport: async (request) => {
      calls.push(`saveExport ${request.kind}`);
      saves.push(request);
      return { path: `/out/${request.suggestedName}` };
    },
    openWorkspace: async () => {
      calls.push('openWorkspace');
      return { cancelled: true };
    },
    ...overrides,
  };
  registerHandlers(ipc, deps);
  const event = {} as IpcMainInvokeEvent;
  const invoke = async (channel: string, ...args: unknown[]) => {
    const handler = handlers.get(channel);
    if (handler === undefined) throw new Error(`no handler for ${channel}`);
    return handler(event, ...args);
  };
  return { handlers, calls, saves, grants, invoke };
}

const hash = 'c0ffee'.padEnd(64, '0');

function workspace(): Workspace {
  return {
    version: 1,
    saved_at: '2025-06-01T12:00:00.000Z',
    files: [
      {
        side: 'reference',
        name: 'train.csv',
        path: null,
        sha256: hash,
        size: 300,
        rows: 9,
        format: 'csv',
      },
      {
        side: 'current',
        name: 'gone.csv',
        path: '/old/gone.csv',
        sha256: hash,
        size: 1,
        rows: 1,
        format: 'csv',
      },
    ],
    overrides: {},
    cohort: [],
    canary: null,
    choices: {},
    pins: [],
    notes: 'n',
    active_view: null,
  };
}

describe('registerHandlers', () => {
  it('registers exactly the allowlisted channels', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(handlers.size).toBe(8);
  });

  it('opens files and replies with ids and names, never paths', async () => {
    const { invoke, calls, grants } = setup();
    const reply = (await invoke('dialog:open-files', { purpose: 'current' })) as {
      files: { id: string; name: string; size: number }[];
    };
    expect(calls).toEqual(['showOpenDialog current']);
    expect(reply.files.map((f) => [f.name, f.size])).toEqual([
      ['train.csv', 300],
      ['prod.parquet', 9000],
    ]);
    expect(JSON.stringify(reply)).not.toContain('/data');
    expect(grants.resolve(reply.files[1]?.id ?? '')).toBe('/data/prod.parquet');
  });

  it('reads a range of a granted file through its id', async () => {
    const { invoke, calls } = setup();
    const reply = (await invoke('dialog:open-files', { purpose: 'reference' })) as {
      files: { id: string }[];
    };
    const bytes = await invoke('file:read-range', { id: reply.files[0]?.id, start: 4, end: 8 });
    expect(bytes).toEqual(new Uint8Array([7, 7, 7, 7]));
    expect(calls.at(-1)).toBe('readRange /data/train.csv 4 8');
  });

  it('refuses a read of a file that was never granted without reading', async () => {
    const { invoke, calls } = setup();
    const id = 'abcdefabcdefabcdefabcdefabcdefab';
    await expect(invoke('file:read-range', { id, start: 0, end: 1 })).rejects.toMatchObject({
      code: 'not_granted',
    });
    expect(calls).toEqual([]);
  });

  it.each([
    ['file:read-range', { id: 'abcdefabcdefabcdefabcdefabcdefab', start: 5, end: 1 }],
    ['file:read-range', { id: 'abcdefabcdefabcdefabcdefabcdefab', start: -1, end: 1 }],
    ['file:read-range', { path: '/etc/passwd', start: 0, end: 1 }],
    ['dialog:open-files', { purpose: 'anything' }],
    ['dialog:open-files', null],
    ['app:info', { extra: true }],
    ['app:startup-files', { argv: ['/etc/passwd'] }],
  ])('rejects an invalid %s payload before calling the dep', async (channel, payload) => {
    const { invoke, calls } = setup();
    const failure = invoke(channel, payload);
    await expect(failure).rejects.toBeInstanceOf(FaultlineError);
    await expect(failure).rejects.toMatchObject({ code: 'bad_argument' });
    await expect(failure).rejects.toThrow(new RegExp(`^${channel}: invalid request`));
    expect(calls).toEqual([]);
  });

  it('rejects calls with no or extra arguments', async () => {
    const { invoke, calls } = setup();
    await expect(invoke('app:info')).rejects.toThrow(/expected one request object, got 0/);
    await expect(invoke('app:info', {}, {})).rejects.toThrow(/got 2 arguments/);
    expect(calls).toEqual([]);
  });

  it('validates replies: a dep returning a bad shape is an error, not a reply', async () => {
    const { invoke } = setup({
      appInfo: () => ({ version: '', platform: 'linux' }),
      readRange: async () => [1, 2, 3] as unknown as Uint8Array,
    });
    await expect(invoke('app:info', {})).rejects.toThrow(/^app:info: invalid reply/);
    const reply = (await invoke('dialog:open-files', { purpose: 'log' })) as {
      files: { id: string }[];
    };
    await expect(
      invoke('file:read-range', { id: reply.files[0]?.id, start: 0, end: 3 }),
    ).rejects.toThrow(/^file:read-range: invalid reply/);
  });

  it('answers app:startup-files with the granted files, readable through their ids', async () => {
    const { invoke, calls } = setup();
    const reply = (await invoke('app:startup-files', {})) as {
      opens: { purpose: string; files: { id: string; name: string }[] }[];
    };
    expect(reply.opens.map((o) => [o.purpose, o.files.map((f) => f.name)])).toEqual([
      ['reference', ['train.parquet']],
    ]);
    expect(JSON.stringify(reply)).not.toContain('/data');
    await invoke('file:read-range', { id: reply.opens[0]?.files[0]?.id, start: 0, end: 2 });
    expect(calls).toEqual(['startupFiles', 'readRange /data/train.parquet 0 2']);
  });

  it('refuses a startup reply that carries a path', async () => {
    const { invoke } = setup({
      startupFiles: async () => {
        const file = { id: 'a'.repeat(32), name: 'x.csv', size: 1, path: '/home/me/x.csv' };
        return [{ purpose: 'current', files: [file] }];
      },
    });
    await expect(invoke('app:startup-files', {})).rejects.toThrow(
      /^app:startup-files: invalid reply/,
    );
  });

  it('hashes a granted file by its id, and refuses one never granted without hashing', async () => {
    const { invoke, calls } = setup();
    const reply = (await invoke('dialog:open-files', { purpose: 'current' })) as {
      files: { id: string }[];
    };
    expect(await invoke('file:sha256', { id: reply.files[1]?.id })).toEqual({
      sha256: 'ab'.repeat(32),
    });
    expect(calls.at(-1)).toBe('sha256File /data/prod.parquet');
    await expect(invoke('file:sha256', { id: 'f'.repeat(32) })).rejects.toMatchObject({
      code: 'not_granted',
    });
    await expect(invoke('file:sha256', { path: '/etc/passwd' })).rejects.toThrow(
      /^file:sha256: invalid request/,
    );
    expect(calls.filter((c) => c.startsWith('sha256File'))).toHaveLength(1);
  });

  it('passes a valid export on to saveExport and replies where it went', async () => {
    const { invoke, saves } = setup();
    const files = [
      { name: 'report.md', data: '# Report' },
      { name: 'report-assets/fig-1.png', data: new Uint8Array([137, 80]) },
    ];
    expect(
      await invoke('export:save', { kind: 'report-md', suggestedName: 'report.md', files }),
    ).toEqual({ path: '/out/report.md' });
    expect(saves).toEqual([{ kind: 'report-md', suggestedName: 'report.md', files }]);
  });

  it('replies cancelled when the user closes the dialog', async () => {
    const { invoke } = setup({ saveExport: async () => ({ cancelled: true }) });
    const request = {
      kind: 'report-html',
      suggestedName: 'r.html',
      files: [{ name: 'r.html', data: '<p>' }],
    };
    expect(await invoke('export:save', request)).toEqual({ cancelled: true });
  });

  it.each([
    ['an unknown kind', { kind: 'exe', suggestedName: 'a', files: [{ name: 'a', data: '' }] }],
    [
      'a workspace (it has its own channel)',
      { kind: 'workspace', suggestedName: 'a', files: [{ name: 'a', data: '' }] },
    ],
    ['no files', { kind: 'report-html', suggestedName: 'a.html', files: [] }],
    [
      'a name escaping the folder',
      { kind: 'report-md', suggestedName: 'r.md', files: [{ name: '../../.bashrc', data: 'x' }] },
    ],
    [
      'an absolute name',
      { kind: 'fixtures', suggestedName: 'f', files: [{ name: '/etc/passwd', data: 'x' }] },
    ],
    [
      'a suggested path',
      {
        kind: 'report-json',
        suggestedName: '/tmp/r.json',
        files: [{ name: 'r.json', data: '{}' }],
      },
    ],
    [
      'a target path',
      {
        kind: 'report-json',
        suggestedName: 'r.json',
        path: '/tmp/r.json',
        files: [{ name: 'r.json', data: '{}' }],
      },
    ],
    [
      'numbers for data',
      { kind: 'report-json', suggestedName: 'r.json', files: [{ name: 'r.json', data: [1, 2] }] },
    ],
  ])('refuses an export with %s before any dialog', async (_name, request) => {
    const { invoke, calls } = setup();
    await expect(invoke('export:save', request)).rejects.toThrow(/^export:save: invalid request/);
    expect(calls).toEqual([]);
  });

  it('passes the writer refusing an input on to the renderer as a FaultlineError', async () => {
    const refusal = new FaultlineError({
      code: 'overwrite_input',
      file: '/data/train.csv',
      message: '/data/train.csv is an input file; choose another output path',
    });
    const { invoke } = setup({ saveExport: () => Promise.reject(refusal) });
    const request = {
      kind: 'report-html',
      suggestedName: 'r.html',
      files: [{ name: 'r.html', data: '' }],
    };
    await expect(invoke('export:save', request)).rejects.toBe(refusal);
  });

  it('saves a workspace with the paths of its granted files written in', async () => {
    const { invoke, saves } = setup();
    const opened = (await invoke('dialog:open-files', { purpose: 'reference' })) as {
      files: { id: string }[];
    };
    const reply = await invoke('workspace:save', {
      suggestedName: 'june.faultline.json',
      workspace: workspace(),
      fileIds: [opened.files[0]?.id, null],
    });
    expect(reply).toEqual({ path: '/out/june.faultline.json' });
    const [save] = saves;
    expect(save?.kind).toBe('workspace');
    expect(save?.files.map((f) => f.name)).toEqual(['june.faultline.json']);
    const written = parseWorkspace(String(save?.files[0]?.data), 'june.faultline.json');
    expect(written.files.map((f) => f.path)).toEqual(['/data/train.csv', '/old/gone.csv']);
    expect({ ...written, files: [] }).toEqual({ ...workspace(), files: [] });
  });

  it('refuses a workspace save with a bad workspace, mismatched ids or an ungranted id', async () => {
    const { invoke, calls } = setup();
    const bad = { ...workspace(), version: 2 };
    await expect(
      invoke('workspace:save', { suggestedName: 'w.json', workspace: bad, fileIds: [null, null] }),
    ).rejects.toThrow(/^workspace:save: invalid request/);
    await expect(
      invoke('workspace:save', {
        suggestedName: 'w.json',
        workspace: workspace(),
        fileIds: [null],
      }),
    ).rejects.toThrow(/one file id \(or null\) per workspace file/);
    await expect(
      invoke('workspace:save', {
        suggestedName: 'w.json',
        workspace: workspace(),
        fileIds: ['e'.repeat(32), null],
      }),
    ).rejects.toMatchObject({ code: 'not_granted' });
    expect(calls).toEqual([]);
  });

  it('opens a workspace through openWorkspace and checks the reply', async () => {
    const { invoke } = setup();
    expect(await invoke('workspace:open', {})).toEqual({ cancelled: true });
    const check = {
      side: 'reference',
      name: 'train.csv',
      status: 'same',
      saved_sha256: hash,
      found_sha256: hash,
      message: 'train.csv is the file the workspace was saved with (sha256 c0ff…)',
    } as const;
    const good = {
      name: 'w.faultline.json',
      workspace: { ...workspace(), files: workspace().files.slice(0, 1) },
      inputs: [{ file: { id: 'a'.repeat(32), name: 'train.csv', size: 300 }, check }],
    };
    const { invoke: invokeGood } = setup({ openWorkspace: async () => good });
    expect(await invokeGood('workspace:open', {})).toEqual(good);
    const { invoke: invokeBad } = setup({
      openWorkspace: async () => ({ ...good, inputs: [] }),
    });
    await expect(invokeBad('workspace:open', {})).rejects.toThrow(/^workspace:open: invalid reply/);
  });

  it('answers app:info', async () => {
    const { invoke } = setup();
    expect(await invoke('app:info', {})).toEqual({ version: '0.1.0', platform: 'linux' });
  });
});
