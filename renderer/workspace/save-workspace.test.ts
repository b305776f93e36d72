import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FaultlineBridge } from '../../shared/ipc/bridge-api.ts';
import { parseWorkspace } from '../../shared/workspace/workspace-file.ts';
import { createAppStore } from '../store/store.ts';
import { makeDataset } from '../store/test-fixtures.ts';
import { saveWorkspace, workspaceFileName } from './save-workspace.ts';
import { investigated, savedAt } from './test-fixtures.ts';

const now = () => new Date(savedAt);

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A store with one dataset on `side` opened from a file called `fileName`. */
function openedAs(side: 'reference' | 'current' | 'log', fileName: string) {
  const store = createAppStore();
  const dataset = makeDataset(side, ['amount'], side);
  store.getState().addDataset({
    ...dataset,
    sources: dataset.sources.map((s) => ({ ...s, name: fileName })),
  });
  return store;
}

describe('workspaceFileName', () => {
  it('is the current log’s first file without its data extension', () => {
    expect(workspaceFileName(investigated().getState())).toBe('june.faultline.json');
    expect(workspaceFileName(openedAs('current', 'production.parquet').getState())).toBe(
      'production.faultline.json',
    );
    expect(workspaceFileName(openedAs('log', 'canary.2026-06.csv.gz').getState())).toBe(
      'canary.2026-06.faultline.json',
    );
    expect(workspaceFileName(openedAs('reference', 'training').getState())).toBe(
      'training.faultline.json',
    );
  });

  it('never proposes a folder, a drive or a control character', () => {
    expect(workspaceFileName(openedAs('current', 'a/b:c\\d\u0007.csv').getState())).toBe(
      'a_b_c_d_.faultline.json',
    );
    expect(workspaceFileName(openedAs('current', '..').getState())).toBe(
      'investigation.faultline.json',
    );
    expect(workspaceFileName(createAppStore().getState())).toBe('investigation.faultline.json');
  });
});

describe('saveWorkspace', () => {
  it('downloads the workspace in a browser', async () => {
    const blobs: Blob[] = [];
    const links: { href: string; download: string; clicked: boolean }[] = [];
    vi.stubGlobal('URL', {
      createObjectURL: (blob: Blob) => {
        blobs.push(blob);
        return 'blob:workspace';
      },
      revokeObjectURL: () => undefined,
    });
    vi.stubGlobal('document', {
      createElement: () => {
        const link = { href: '', download: '', clicked: false, click: () => (link.clicked = true) };
        links.push(link);
        return link;
      },
    });
    const store = investigated();
    const notice = await saveWorkspace({ store, bridge: null, now });
    expect(notice?.summary).toBe('Downloaded the workspace as june.faultline.json.');
    expect(links).toEqual([
      expect.objectContaining({
        href: 'blob:workspace',
        download: 'june.faultline.json',
        clicked: true,
      }),
    ]);
    const [blob] = blobs;
    const workspace = parseWorkspace((await blob?.text()) ?? '', 'june.faultline.json');
    expect(workspace.saved_at).toBe(savedAt);
    expect(workspace.notes).toBe(store.getState().notes);
    expect(workspace.files.map((f) => f.name)).toEqual([
      'training.parquet',
      'june.csv',
      'july.csv.gz',
      'canary.parquet',
    ]);
  });

  it('tells a cancelled dialog by nothing, and a failure in words', async () => {
    const cancelled = {
      saveWorkspace: async () => ({ cancelled: true }),
    } as unknown as FaultlineBridge;
    expect(await saveWorkspace({ store: investigated(), bridge: cancelled, now })).toBeNull();
    const refused = {
      saveWorkspace: async () => {
        throw new Error('june.csv is one of the open inputs: choose another name');
      },
    } as unknown as FaultlineBridge;
    expect(await saveWorkspace({ store: investigated(), bridge: refused, now })).toEqual({
      summary: 'The workspace was not saved.',
      problems: ['june.csv is one of the open inputs: choose another name'],
      info: [],
    });
  });
});
