import { describe, expect, it } from 'vitest';
import { createBridge, type BridgeTransport } from './bridge-api.ts';

function fakeTransport() {
  const calls: { channel: string; request: unknown }[] = [];
  const listeners = new Set<(payload: unknown) => void>();
  const replies: Record<string, unknown> = {
    'dialog:open-files': { files: [{ id: 'a'.repeat(32), name: 'log.csv', size: 10 }] },
    'file:read-range': new Uint8Array([1, 2, 3]),
    'app:info': { version: '0.1.0', platform: 'linux' },
    'app:startup-files': {
      opens: [{ purpose: 'current', files: [{ id: 'c'.repeat(32), name: 'p.csv', size: 4 }] }],
    },
  };
  const transport: BridgeTransport = {
    invoke: async (channel, request) => {
      calls.push({ channel, request });
      return replies[channel] as never;
    },
    onMenuCommand(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { transport, calls, emit: (p: unknown) => listeners.forEach((l) => l(p)) };
}

describe('createBridge', () => {
  it('maps each method to its one channel with the contract request', async () => {
    const { transport, calls } = fakeTransport();
    const bridge = createBridge(transport);
    expect(await bridge.openFiles('reference')).toEqual([
      { id: 'a'.repeat(32), name: 'log.csv', size: 10 },
    ]);
    expect(await bridge.readRange('b'.repeat(32), 5, 8)).toEqual(new Uint8Array([1, 2, 3]));
    expect(await bridge.appInfo()).toEqual({ version: '0.1.0', platform: 'linux' });
    expect(await bridge.startupFiles()).toEqual([
      { purpose: 'current', files: [{ id: 'c'.repeat(32), name: 'p.csv', size: 4 }] },
    ]);
    expect(calls).toEqual([
      { channel: 'dialog:open-files', request: { purpose: 'reference' } },
      { channel: 'file:read-range', request: { id: 'b'.repeat(32), start: 5, end: 8 } },
      { channel: 'app:info', request: {} },
      { channel: 'app:startup-files', request: {} },
    ]);
  });

  it('passes on valid menu commands only, and unsubscribes', () => {
    const { transport, emit } = fakeTransport();
    const seen: unknown[] = [];
    const off = createBridge(transport).onMenuCommand((c) => seen.push(c));
    emit({ command: 'open-files', purpose: 'current' });
    emit({ command: 'open-files', purpose: 'elsewhere' });
    emit({ command: 'rm -rf' });
    emit('export');
    off();
    emit({ command: 'export' });
    expect(seen).toEqual([{ command: 'open-files', purpose: 'current' }]);
  });
});
