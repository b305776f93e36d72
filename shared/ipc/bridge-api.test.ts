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
    'file:sha256': { sha256: 'ab'.repeat(32) },
    'export:save': { path: '/home/me/r.html' },
    'workspace:save': { cancelled: true },
    'workspace:open': { cancelled: true },
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

  it('maps the export and workspace methods to their channels', async () => {
    const { transport, calls } = fakeTransport();
    const bridge = createBridge(transport);
    const files = [{ name: 'r.html', data: '<p>' }];
    const workspace = {
      version: 1 as const,
      saved_at: '2025-06-01T00:00:00Z',
      files: [],
      overrides: {},
      cohort: [],
      canary: null,
      choices: {},
      pins: [],
      notes: '',
      active_view: null,
    };
    expect(await bridge.sha256('d'.repeat(32))).toBe('ab'.repeat(32));
    expect(await bridge.saveExport('report-html', 'r.html', files)).toEqual({
      path: '/home/me/r.html',
    });
    expect(await bridge.saveWorkspace('w.faultline.json', workspace, [])).toEqual({
      cancelled: true,
    });
    expect(await bridge.openWorkspace()).toEqual({ cancelled: true });
    expect(calls).toEqual([
      { channel: 'file:sha256', request: { id: 'd'.repeat(32) } },
      { channel: 'export:save', request: { kind: 'report-html', suggestedName: 'r.html', files } },
      {
        channel: 'workspace:save',
        request: { suggestedName: 'w.faultline.json', workspace, fileIds: [] },
      },
      { channel: 'workspace:open', request: {} },
    ]);
  });

  it('passes on valid menu commands only, and unsubscribes', () => {
    const { transport, emit } = fakeTransport();
    const seen: unknown[] = [];
    const off = createBridge(transport).onMenuCommand((c) => seen.push(c));
    emit({ command: 'open-files', purpose: 'current' });
    emit({ command: 'save-workspace' });
    emit({ command: 'open-workspace', path: '/etc/passwd' });
    emit({ command: 'open-files', purpose: 'elsewhere' });
    emit({ command: 'rm -rf' });
    emit('export');
    off();
    emit({ command: 'export' });
    expect(seen).toEqual([
      { command: 'open-files', purpose: 'current' },
      { command: 'save-workspace' },
    ]);
  });
});
