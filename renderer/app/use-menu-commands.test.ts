import { describe, expect, it } from 'vitest';
import type { FaultlineBridge } from '../../shared/ipc/bridge-api.ts';
import type {
  FileRef,
  OpenedWorkspace,
  OpenPurpose,
  StartupOpen,
} from '../../shared/ipc/contract.ts';
import type { SchemaOverrides } from '../../shared/schema/dataset-schema.ts';
import {
  compareInputs,
  parseWorkspace,
  type WorkspaceInput,
} from '../../shared/workspace/workspace-file.ts';
import type { PickedFile } from '../engine/session-types.ts';
import { fakeSession } from '../engine/test-fixtures.ts';
import { removeDatasetEverywhere } from '../store/actions.ts';
import { createAppStore } from '../store/store.ts';
import { makeDataset } from '../store/test-fixtures.ts';
import { openStartupFiles } from './open-from-dialog.ts';
import { runMenuCommand } from './use-menu-commands.ts';

const ref = (name: string): FileRef => ({
  id: `id_${name.replace('.', '_')}_0000000000`,
  name,
  size: 10,
});

/** What the fake bridge was asked to save as a workspace. */
interface SavedWorkspace {
  suggestedName: string;
  workspace: WorkspaceInput;
  fileIds: (string | null)[];
}

/**
 * A bridge whose dialog returns `chosen` (or fails) and whose workspace dialogs answer `opened`
 * (or are cancelled), a store, and a session that records opens and puts each opened side in the
 * store as the real one would.
 */
function fakes(
  chosen: FileRef[] | Error,
  startup: StartupOpen[] = [],
  workspaceReply: OpenedWorkspace | { cancelled: true } = { cancelled: true },
) {
  const asked: OpenPurpose[] = [];
  const opened: { side: string; files: readonly PickedFile[]; overrides?: SchemaOverrides }[] = [];
  const notices: string[] = [];
  const saved: SavedWorkspace[] = [];
  const store = createAppStore();
  const bridge: FaultlineBridge = {
    openFiles: async (purpose) => {
      asked.push(purpose);
      if (chosen instanceof Error) throw chosen;
      return chosen;
    },
    readRange: async () => new Uint8Array(),
    appInfo: async () => ({ version: '0.1.0', platform: 'linux' }),
    startupFiles: async () => startup,
    sha256: async () => 'f'.repeat(64),
    saveExport: async () => ({ cancelled: true }),
    saveWorkspace: async (suggestedName, workspace, fileIds) => {
      saved.push({ suggestedName, workspace, fileIds });
      return { path: `/home/ana/${suggestedName}` };
    },
    openWorkspace: async () => workspaceReply,
    onMenuCommand: () => () => undefined,
  };
  const session = fakeSession({
    open: async (side, files, overrides) => {
      opened.push({ side, files, ...(overrides === undefined ? {} : { overrides }) });
      const dataset = makeDataset(side, ['amount', 'region'], side);
      const sources = files.map((f) => ({
        ...(dataset.sources[0] ?? { sha256: '0'.repeat(64) }),
        name: f.kind === 'granted' ? f.ref.name : f.file.name,
        size: 10,
        fileId: f.kind === 'granted' ? f.ref.id : null,
      }));
      store.getState().restoreOverrides(side, overrides);
      store.getState().addDataset({ ...dataset, sources });
    },
    close: async (id) => {
      removeDatasetEverywhere(store, id);
    },
  });

  return {
    deps: { bridge, session, store, onNotice: (m: string) => notices.push(m) },
    asked,
    opened,
    notices,
    saved,
    store,
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

  it('opens the report and the fixtures export dialogs', async () => {
    const f = fakes([]);
    await runMenuCommand({ command: 'export' }, f.deps);
    expect(f.store.getState().exporting).toBe('report');
    await runMenuCommand({ command: 'export-fixtures' }, f.deps);
    expect(f.store.getState().exporting).toBe('fixtures');
    expect(f.notices).toEqual([]);
    expect(f.opened).toEqual([]);
  });

  it('saves the workspace through the bridge with the grant id of each file', async () => {
    const f = fakes([]);
    await f.deps.session.open('reference', [{ kind: 'granted', ref: ref('training.parquet') }]);
    await f.deps.session.open('current', [{ kind: 'granted', ref: ref('production.parquet') }]);
    f.store.getState().setNotes('Checked the APAC rollout.');
    await runMenuCommand({ command: 'save-workspace' }, f.deps);
    expect(f.saved).toHaveLength(1);
    const [save] = f.saved;
    expect(save?.suggestedName).toBe('production.faultline.json');
    expect(save?.fileIds).toEqual([ref('training.parquet').id, ref('production.parquet').id]);
    expect(save?.workspace.files.map((file) => [file.side, file.name])).toEqual([
      ['reference', 'training.parquet'],
      ['current', 'production.parquet'],
    ]);
    expect(save?.workspace.notes).toBe('Checked the APAC rollout.');
    expect(f.notices).toEqual(['Saved the workspace to /home/ana/production.faultline.json.']);
  });

  it('says there is nothing to save before a log is open', async () => {
    const f = fakes([]);
    await runMenuCommand({ command: 'save-workspace' }, f.deps);
    expect(f.saved).toEqual([]);
    expect(f.notices).toEqual(['Nothing to save yet: open a log first, then save the workspace.']);
  });

  it('opens a workspace: the granted files under their corrections, then the investigation', async () => {
    const production = ref('production.parquet');
    const workspace = parseWorkspace(
      JSON.stringify({
        version: 1,
        saved_at: '2026-03-02T09:15:00Z',
        files: [
          {
            side: 'reference',
            name: 'training.parquet',
            path: '/data/training.parquet',
            sha256: 'a'.repeat(64),
            size: 10,
            rows: 10,
            format: 'parquet',
          },
          {
            side: 'current',
            name: 'production.parquet',
            path: '/data/production.parquet',
            sha256: 'b'.repeat(64),
            size: 10,
            rows: 10,
            format: 'parquet',
          },
        ],
        overrides: { current: { roles: { amount: 'score' } } },
        cohort: [{ column: 'region', op: '=', value: 'EU' }],
        notes: 'EU first.',
      }),
      'june.faultline.json',
    );
    const [missing, changed] = compareInputs(workspace.files, [
      { side: 'current', sha256: 'c'.repeat(64), path: '/data/production.parquet' },
    ]);
    if (missing === undefined || changed === undefined) throw new Error('two checks expected');
    const f = fakes([], [], {
      name: 'june.faultline.json',
      workspace,
      inputs: [
        { file: null, check: missing },
        { file: production, check: changed },
      ],
    });
    await f.deps.session.open('reference', [{ kind: 'granted', ref: ref('old.csv') }]);
    f.opened.length = 0;
    await runMenuCommand({ command: 'open-workspace' }, f.deps);
    expect(f.opened).toEqual([
      {
        side: 'current',
        files: [{ kind: 'granted', ref: production }],
        overrides: { roles: { amount: 'score' } },
      },
    ]);
    // The reference open before is closed: its saved file is missing, and the old one is not it.
    expect(f.store.getState().datasets.reference).toBeUndefined();
    expect(f.store.getState().cohort).toEqual([{ column: 'region', op: '=', value: 'EU' }]);
    expect(f.store.getState().notes).toBe('EU first.');
    expect(f.notices).toEqual([
      [
        'Opened june.faultline.json.',
        'training.parquet is missing (it was at /data/training.parquet); to use it, open training.parquet with Open reference…',
        `production.parquet changed since the workspace was saved (sha256 bbbb… → cccc…): its numbers will differ`,
      ].join(' · '),
    ]);
  });

  it('opens nothing when the workspace dialog is cancelled', async () => {
    const f = fakes([]);
    await runMenuCommand({ command: 'open-workspace' }, f.deps);
    expect(f.opened).toEqual([]);
    expect(f.notices).toEqual([]);
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
