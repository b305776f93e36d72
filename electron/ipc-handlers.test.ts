import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { FaultlineError } from '../shared/errors.ts';
import { CHANNEL_NAMES } from '../shared/ipc/contract.ts';
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
    ...overrides,
  };
  registerHandlers(ipc, deps);
  const event = {} as IpcMainInvokeEvent;
  const invoke = async (channel: string, ...args: unknown[]) => {
    const handler = handlers.get(channel);
    if (handler === undefined) throw new Error(`no handler for ${channel}`);
    return handler(event, ...args);
  };
  return { handlers, calls, grants, invoke };
}

describe('registerHandlers', () => {
  it('registers exactly the allowlisted channels', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(handlers.size).toBe(4);
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

  it('answers app:info', async () => {
    const { invoke } = setup();
    expect(await invoke('app:info', {})).toEqual({ version: '0.1.0', platform: 'linux' });
  });
});
