import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createNodeEngine } from '../../shared/engine/duckdb.node.ts';
import type { Engine, Progress } from '../../shared/engine/engine.ts';
import { nodeCodecs } from '../../shared/engine/node-sources.node.ts';
import { parquet } from '../../shared/engine/parquet.node.ts';
import type { FaultlineBridge } from '../../shared/ipc/bridge-api.ts';
import type { FileRef } from '../../shared/ipc/contract.ts';
import {
  compareInputs,
  parseWorkspace,
  workspaceToJson,
  type Workspace,
} from '../../shared/workspace/workspace-file.ts';
import { createSession } from '../engine/session.ts';
import type { Session } from '../engine/session-types.ts';
import { createWorkerClient, type WorkerClient } from '../engine/worker-client.ts';
import { serveWorkerMethods } from '../engine/worker-host.ts';
import { workerMethods } from '../engine/worker-methods.ts';
import { createAppStore, type AppStore } from '../store/store.ts';
import {
  inputNotices,
  openWorkspaceFromDesktop,
  openWorkspaceFromFiles,
} from './open-workspace.ts';
import { investigated, savedAt } from './test-fixtures.ts';
import { workspaceOfState } from './workspace-of-state.ts';

// Opening a workspace against the real worker code (host and client over a MessageChannel, the
// core on the Node engine), as session.test.ts does: the files are loaded and hashed for real.
let engine: Engine;
let client: WorkerClient;
const bytes: Record<string, Uint8Array> = {};
/** production.parquet with its last row dropped: the same name, other contents. */
let productionLessOne: Uint8Array;

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

beforeAll(async () => {
  engine = await createNodeEngine();
  const { port1, port2 } = new MessageChannel();
  serveWorkerMethods(port1 as never, Promise.resolve(workerMethods(engine, nodeCodecs())));
  client = createWorkerClient(port2 as never);
  port1.start();
  port2.start();
  for (const name of ['training.parquet', 'production.parquet', 'canary.parquet']) {
    bytes[name] = new Uint8Array(await readFile(`samples/data/${name}`));
  }
  const pq = parquet();
  const rows = tableFromIPC(
    pq.readParquet(bytes['production.parquet'] ?? new Uint8Array()).intoIPCStream(),
  );
  const fewer = rows.slice(0, rows.numRows - 1);
  productionLessOne = pq.writeParquet(pq.Table.fromIPCStream(tableToIPC(fewer, 'stream')));
});
afterAll(async () => {
  await engine.close();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const file = (name: string, data = bytes[name]) =>
  new File([(data ?? new Uint8Array()) as Uint8Array<ArrayBuffer>], name);

function setup(bridge: FaultlineBridge | null = null): { store: AppStore; session: Session } {
  const store = createAppStore();
  return { store, session: createSession(store, bridge, client) };
}

/** The sample's training and production logs opened, a role corrected, a cohort, a pin and notes. */
async function savedInvestigation(): Promise<{ store: AppStore; text: string }> {
  const { store, session } = setup();
  await session.open('reference', [{ kind: 'file', file: file('training.parquet') }]);
  await session.open('current', [{ kind: 'file', file: file('production.parquet') }]);
  await session.setRole('current', 'merchant_risk', 'ignored');
  const s = store.getState();
  s.setCohort([{ column: 'region', op: '=', value: 'APAC' }]);
  s.pin({
    kind: 'cohort',
    name: 'device = android',
    predicates: [{ column: 'device', op: '=', value: 'android' }],
  });
  s.setNotes('Recall fell in APAC.');
  s.setActiveView('cohorts');
  return { store, text: workspaceToJson(workspaceOfState(store.getState(), savedAt)) };
}

const workspaceFile = (text: string, name = 'production.faultline.json') => new File([text], name);

const roleIn = (store: AppStore, side: 'reference' | 'current', column: string) =>
  store.getState().datasets[side]?.schema.columns.find((c) => c.name === column)?.role;

describe('inputNotices', () => {
  const { files } = parseWorkspace(
    workspaceToJson(workspaceOfState(investigated().getState(), savedAt)),
    'x.faultline.json',
  );

  it('says in words that a file changed, and nothing for the same files', () => {
    const found = files.map((f) => ({
      side: f.side,
      sha256: f.name === 'june.csv' ? 'd4'.repeat(32) : f.sha256,
      path: null,
    }));
    expect(inputNotices(compareInputs(files, found), new Set(), 'browser')).toEqual([
      'june.csv changed since the workspace was saved (sha256 b2b2… → d4d4…): its numbers will differ',
    ]);
  });

  it('names a missing file with what to pick, in a browser and on the desktop', () => {
    const found = files.map((f) => ({
      side: f.side,
      sha256: f.name === 'training.parquet' ? null : f.sha256,
      path: null,
    }));
    const checks = compareInputs(files, found);
    expect(inputNotices(checks, new Set(), 'browser')).toEqual([
      'training.parquet is missing (the workspace was saved in a browser, which keeps no paths: open the file again); to use it, pick training.parquet together with the workspace file in Open workspace…',
    ]);
    expect(inputNotices(checks, new Set(), 'desktop')[0]).toMatch(
      /; to use it, open training\.parquet with Open reference…$/,
    );
    // A side whose files were there but failed to open has its own notice.
    expect(inputNotices(checks, new Set(['reference']), 'browser')).toEqual([]);
  });
});

describe('openWorkspaceFromFiles', () => {
  it('hashes each file as it opens, the SHA-256 of its bytes, with byte progress', async () => {
    const { store, session } = setup();
    const seen: Progress[] = [];
    store.subscribe((s) => {
      for (const j of Object.values(s.jobs)) if (j.progress) seen.push(j.progress);
    });
    const training = bytes['training.parquet'] ?? new Uint8Array();
    await session.open('reference', [{ kind: 'file', file: file('training.parquet') }]);
    expect(store.getState().datasets.reference?.sources).toEqual([
      { name: 'training.parquet', size: training.length, sha256: sha256(training), fileId: null },
    ]);
    expect(seen).toContainEqual({
      phase: 'hashing training.parquet',
      done: training.length,
      total: training.length,
      unit: 'bytes',
      rows: 13_000,
    });
  });

  it('reopens the picked files under the saved corrections and restores the investigation', async () => {
    const saved = await savedInvestigation();
    const { store, session } = setup();
    const notice = await openWorkspaceFromFiles({ store, session }, [
      file('production.parquet'),
      workspaceFile(saved.text),
      file('training.parquet'),
    ]);
    expect(notice).toEqual({
      summary: 'Opened production.faultline.json: every input is the file it was saved with.',
      problems: [],
      info: [],
    });
    expect(roleIn(store, 'current', 'merchant_risk')).toBe('ignored');
    expect(roleIn(store, 'reference', 'merchant_risk')).toBe('feature');
    const s = store.getState();
    expect(s.overrides).toEqual({ current: { roles: { merchant_risk: 'ignored' } } });
    expect(s.cohort).toEqual([{ column: 'region', op: '=', value: 'APAC' }]);
    expect(s.pins.map((p) => p.name)).toEqual(['device = android']);
    expect(s.notes).toBe('Recall fell in APAC.');
    expect(s.activeView).toBe('cohorts');
    expect(Object.values(s.jobs).map((j) => j.state)).toEqual(['done', 'done']);
  });

  it('opens a changed file and says that it changed', async () => {
    const saved = await savedInvestigation();
    const { store, session } = setup();
    const notice = await openWorkspaceFromFiles({ store, session }, [
      workspaceFile(saved.text),
      file('training.parquet'),
      file('production.parquet', productionLessOne),
    ]);
    const before = sha256(bytes['production.parquet'] ?? new Uint8Array()).slice(0, 4);
    const after = sha256(productionLessOne).slice(0, 4);
    expect(notice).toEqual({
      summary: 'Opened production.faultline.json.',
      problems: [
        `production.parquet changed since the workspace was saved (sha256 ${before}… → ${after}…): its numbers will differ`,
      ],
      info: [],
    });
    expect(store.getState().datasets.current?.loaded.rows).toBe(25_999);
    expect(roleIn(store, 'current', 'merchant_risk')).toBe('ignored');
  });

  it('fetches a bundled sample not picked, names a missing file, and closes its side', async () => {
    const saved = await savedInvestigation();
    const workspace = parseWorkspace(saved.text, 'w.faultline.json');
    const edited: Workspace = {
      ...workspace,
      files: [
        ...workspace.files.map((f) =>
          f.side === 'reference' ? { ...f, name: 'training-2025.parquet' } : f,
        ),
        {
          side: 'log',
          name: 'canary.parquet',
          path: null,
          sha256: sha256(bytes['canary.parquet'] ?? new Uint8Array()),
          size: bytes['canary.parquet']?.length ?? 0,
          rows: 13_000,
          format: 'parquet',
        },
      ],
    };
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      const data = bytes[url.replace('./', '')];
      return data === undefined
        ? new Response(null, { status: 404 })
        : new Response(file(url, data));
    });
    const { store, session } = setup();
    await session.open('reference', [{ kind: 'file', file: file('canary.parquet') }]);
    const notice = await openWorkspaceFromFiles({ store, session }, [
      workspaceFile(workspaceToJson(edited), 'edited.faultline.json'),
      file('production.parquet'),
      file('notes.csv', new TextEncoder().encode('a\n1\n')),
    ]);
    expect(fetched).toEqual(['./canary.parquet']);
    expect(Object.keys(store.getState().datasets).sort()).toEqual(['current', 'log']);
    expect(notice).toEqual({
      summary: 'Opened edited.faultline.json.',
      problems: [
        'training-2025.parquet is missing (the workspace was saved in a browser, which keeps no paths: open the file again); to use it, pick training-2025.parquet together with the workspace file in Open workspace…',
      ],
      info: [
        'From the bundled sample: canary.parquet',
        'Not in the workspace, so not opened: notes.csv',
      ],
    });
  });

  it('opens a file without saved corrections that no longer fit its columns, and says so', async () => {
    const saved = await savedInvestigation();
    const workspace = parseWorkspace(saved.text, 'w.faultline.json');
    const edited = {
      ...workspace,
      overrides: { current: { roles: { risk_v2: 'score' as const } } },
    };
    const { store, session } = setup();
    const notice = await openWorkspaceFromFiles({ store, session }, [
      workspaceFile(workspaceToJson(edited)),
      file('training.parquet'),
      file('production.parquet'),
    ]);
    expect(notice.summary).toBe(
      'Opened production.faultline.json: every input is the file it was saved with.',
    );
    expect(notice.problems).toHaveLength(1);
    expect(notice.problems[0]).toMatch(
      /^Current: opened without the saved role and kind corrections, which no longer fit its columns \(no column named "risk_v2"/,
    );
    expect(store.getState().datasets.current?.loaded.rows).toBe(26_000);
    expect(store.getState().overrides).toEqual({});
    // The refused first try is told in the notice, not left as an error beside it.
    expect(Object.values(store.getState().jobs).filter((j) => j.state === 'failed')).toEqual([]);
  });

  it('closes a side whose file fails to open, and points at its error', async () => {
    const saved = await savedInvestigation();
    const { store, session } = setup();
    await session.open('reference', [{ kind: 'file', file: file('canary.parquet') }]);
    const garbage = new TextEncoder().encode('PAR1 not parquet at all PAR1');
    const notice = await openWorkspaceFromFiles({ store, session }, [
      workspaceFile(saved.text),
      file('training.parquet', garbage),
      file('production.parquet'),
    ]);
    expect(notice).toEqual({
      summary: 'Opened production.faultline.json.',
      problems: ['Reference (training.parquet) could not be opened: its error says why'],
      info: [],
    });
    expect(Object.keys(store.getState().datasets)).toEqual(['current']);
    const failed = Object.values(store.getState().jobs).filter((j) => j.state === 'failed');
    expect(failed.map((j) => j.error?.file)).toEqual(['training.parquet']);
  });

  it('says so when no picked file is a workspace, and leaves what is open', async () => {
    const { store, session } = setup();
    await session.open('current', [{ kind: 'file', file: file('production.parquet') }]);
    const notice = await openWorkspaceFromFiles({ store, session }, [
      file('training.parquet'),
      new File(['{"rows": []}'], 'data.json'),
    ]);
    expect(notice).toEqual({
      summary: 'The workspace was not opened.',
      problems: ['data.json: not a Faultline workspace (it has no "version" field)'],
      info: [],
    });
    expect(Object.keys(store.getState().datasets)).toEqual(['current']);
  });
});

describe('openWorkspaceFromDesktop', () => {
  it('opens the files main granted, keeping their grant ids, and reports what main found', async () => {
    const saved = await savedInvestigation();
    const workspace = parseWorkspace(saved.text, 'w.faultline.json');
    const refs: FileRef[] = [
      {
        id: 'grant_training_0000000',
        name: 'training.parquet',
        size: bytes['training.parquet']?.length ?? 0,
      },
      { id: 'grant_production_00000', name: 'production.parquet', size: productionLessOne.length },
    ];
    const served: Record<string, Uint8Array> = {
      grant_training_0000000: bytes['training.parquet'] ?? new Uint8Array(),
      grant_production_00000: productionLessOne,
    };
    const found = [
      sha256(served.grant_training_0000000 ?? new Uint8Array()),
      sha256(productionLessOne),
    ];
    const checks = compareInputs(
      workspace.files,
      workspace.files.map((f, i) => ({
        side: f.side,
        sha256: found[i] ?? null,
        path: `/data/${f.name}`,
      })),
    );
    const bridge = {
      readRange: async (id: string, start: number, end: number) =>
        (served[id] ?? new Uint8Array()).slice(start, end),
      openWorkspace: async () => ({
        name: 'june.faultline.json',
        workspace,
        inputs: checks.map((check, i) => ({ file: refs[i] ?? null, check })),
      }),
    } as unknown as FaultlineBridge;
    const { store, session } = setup(bridge);
    const notice = await openWorkspaceFromDesktop({ store, session }, bridge);
    expect(notice).toEqual({
      summary: 'Opened june.faultline.json.',
      problems: [checks[1]?.message],
      info: [],
    });
    expect(store.getState().datasets.current?.sources.map((s) => s.fileId)).toEqual([
      'grant_production_00000',
    ]);
    expect(store.getState().datasets.current?.loaded.rows).toBe(25_999);
    expect(store.getState().notes).toBe('Recall fell in APAC.');
  });

  it('does nothing when the dialog is cancelled, and tells a failure', async () => {
    const { store, session } = setup();
    const cancelled = {
      openWorkspace: async () => ({ cancelled: true }),
    } as unknown as FaultlineBridge;
    expect(await openWorkspaceFromDesktop({ store, session }, cancelled)).toBeNull();
    const broken = {
      openWorkspace: async () => {
        throw new Error('w.faultline.json: version 2 was written by a newer Faultline');
      },
    } as unknown as FaultlineBridge;
    expect(await openWorkspaceFromDesktop({ store, session }, broken)).toEqual({
      summary: 'The workspace was not opened.',
      problems: ['w.faultline.json: version 2 was written by a newer Faultline'],
      info: [],
    });
  });
});
