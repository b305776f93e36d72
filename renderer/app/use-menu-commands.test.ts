import { describe, expect, it } from 'vitest';
import type { FaultlineBridge } from '../../shared/ipc/bridge-api.ts';
import type { FileRef, OpenPurpose, StartupOpen } from '../../shared/ipc/contract.ts';
import type { PickedFile } from '../engine/session-types.ts';
import { fakeSession } from '../engine/test-fixtures.ts';
import { openStartupFiles } from './open-from-dialog.ts';
import { runMenuCommand } from './use-menu-commands.ts';

const ref = (name: string): FileRef => ({
  id: `id_${name.replace('.', '_')}_0000000000`,
  name,
  size: 10,
});

/** A bridge whose dialog returns `chosen` (or fails), and a session that records opens. */
function fakes(chosen: FileRef[] | Error, startup: StartupOpen[] = []) {
  const asked: OpenPurpose[] = [];
  const opened: { side: string; files: readonly PickedFile[] }[] = [];
  const notices: string[] = [];
  const bridge: FaultlineBridge = {
    openFiles: async (purpose) => {
      asked.push(purpose);
      if (chosen instanceof Error) throw chosen;
      return chosen;
    },
    readRange: async () => new Uint8Array(),
    appInfo: async () => ({ version: '0.1.0', platform: 'linux' }),
    startupFiles: async () => startup,
    onMenuCommand: () => () => undefined,
  };
  const session = fakeSession({
    open: async (side, files) => {
      opened.push({ side, files });
    },
  });

  return {
    deps: { bridge, session, onNotice: (m: string) => notices.push(m) },
    asked,
    opened,
    notices,
  };
}

describe('runMenuCommand', () => {
  it('opens what the native dialog granted, on the side the menu named', async () => {
    const files = [ref('production.csv'), ref('production-2.csv')];
    const f = fakes(files);
    await runMenuCommand({ command: 'open-files', purpose: 'current' }, f.deps);
    expect(f.asked).toEqual(['current']);
    expect(f.opened).toEqual([
      { side: 'current', files: files.map((r) => ({ kind: 'granted', ref: r })) },
    ]);
  });

  it('opens nothing when the dialog is cancelled, and says so when it fails', async () => {
    const cancelled = fakes([]);
    await runMenuCommand({ command: 'open-files', purpose: 'log' }, cancelled.deps);
    expect(cancelled.opened).toEqual([]);
    expect(cancelled.notices).toEqual([]);

    const broken = fakes(new Error('no window'));
    await runMenuCommand({ command: 'open-files', purpose: 'log' }, broken.deps);
    expect(broken.opened).toEqual([]);
    expect(broken.notices).toEqual(['The open dialog failed: no window']);
  });

  it('opens recent files without a dialog', async () => {
    const f = fakes([]);
    const files = [ref('training.parquet')];
    await runMenuCommand({ command: 'open-granted', purpose: 'reference', files }, f.deps);
    expect(f.asked).toEqual([]);
    expect(f.opened).toEqual([{ side: 'reference', files: [{ kind: 'granted', ref: files[0] }] }]);
  });

  it('answers Export with a notice until the report exists', async () => {
    const f = fakes([]);
    await runMenuCommand({ command: 'export' }, f.deps);
    expect(f.notices).toHaveLength(1);
    expect(f.notices[0]).toMatch(/report/);
    expect(f.opened).toEqual([]);
  });
});

describe('openStartupFiles', () => {
  it('opens each group the desktop app was started with on its side, in order', async () => {
    const { deps, opened, asked } = fakes(
      [],
      [
        { purpose: 'reference', files: [ref('training.parquet')] },
        { purpose: 'current', files: [ref('production.parquet')] },
      ],
    );
    await openStartupFiles(deps.bridge, deps.session);
    expect(asked).toEqual([]);
    expect(opened).toEqual([
      { side: 'reference', files: [{ kind: 'granted', ref: ref('training.parquet') }] },
      { side: 'current', files: [{ kind: 'granted', ref: ref('production.parquet') }] },
    ]);
  });
});
