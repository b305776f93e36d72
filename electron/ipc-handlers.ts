import { basename } from 'node:path';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { FaultlineError } from '../shared/errors.ts';
import {
  CHANNEL_NAMES,
  contract,
  type ChannelName,
  type OpenPurpose,
  type OpenedWorkspace,
  type ReplyOf,
  type RequestOf,
  type SaveReply,
  type StartupOpen,
} from '../shared/ipc/contract.ts';
import { workspaceToJson } from '../shared/workspace/workspace-file.ts';
import type { ExportRequest } from './export.ts';
import type { FileGrants } from './file-grants.ts';
import { workspaceWithPaths } from './workspace-files.ts';

/** A file the native dialog returned, with its size from the file system. */
export interface PickedFile {
  path: string;
  size: number;
}

/** What the handlers need from the outside world; main.ts passes the real ones, tests fakes. */
export interface HandlerDeps {
  showOpenDialog(purpose: OpenPurpose): Promise<PickedFile[]>;
  readRange(path: string, start: number, end: number): Promise<Uint8Array>;
  grants: FileGrants;
  appInfo(): { version: string; platform: string };
  /** The command line's files, granted at start; main resolves this once, before the window. */
  startupFiles(): Promise<StartupOpen[]>;
  /** Streams a file through SHA-256 (shared/workspace/file-hash.node.ts). */
  sha256File(path: string): Promise<string>;
  /** Asks where, then writes (export.ts saveExport with the real dialogs and writer). */
  saveExport(request: ExportRequest): Promise<SaveReply>;
  /** Asks for a workspace file and opens it (workspace-files.ts openWorkspace). */
  openWorkspace(): Promise<OpenedWorkspace | { cancelled: true }>;
}

type Implementations = {
  [C in ChannelName]: (request: RequestOf<C>) => Promise<ReplyOf<C>> | ReplyOf<C>;
};

function implementations(deps: HandlerDeps): Implementations {
  return {
    'dialog:open-files': async ({ purpose }) => {
      const picked = await deps.showOpenDialog(purpose);
      return {
        files: picked.map((file) => ({
          id: deps.grants.grant(file.path, file.size),
          name: basename(file.path),
          size: file.size,
        })),
      };
    },
    'file:read-range': ({ id, start, end }) => deps.readRange(deps.grants.resolve(id), start, end),
    'app:info': () => deps.appInfo(),
    'app:startup-files': async () => ({ opens: await deps.startupFiles() }),
    'file:sha256': async ({ id }) => ({ sha256: await deps.sha256File(deps.grants.resolve(id)) }),
    'export:save': (request) => deps.saveExport(request),
    'workspace:save': ({ suggestedName, workspace, fileIds }) => {
      // Resolved before the dialog opens: an id that was never granted fails without asking.
      const data = workspaceToJson(workspaceWithPaths(workspace, fileIds, deps.grants));
      return deps.saveExport({
        kind: 'workspace',
        suggestedName,
        files: [{ name: suggestedName, data }],
      });
    },
    'workspace:open': () => deps.openWorkspace(),
  };
}

function handlerFor<C extends ChannelName>(channel: C, implementation: Implementations[C]) {
  const { request: requestSchema, reply: replySchema } = contract[channel];
  return async (_event: IpcMainInvokeEvent, ...args: unknown[]): Promise<ReplyOf<C>> => {
    if (args.length !== 1) {
      throw new FaultlineError({
        code: 'bad_argument',
        message: `${channel}: expected one request object, got ${args.length} arguments`,
      });
    }
    const request = requestSchema.safeParse(args[0]);
    if (!request.success) {
      throw new FaultlineError({
        code: 'bad_argument',
        message: `${channel}: invalid request: ${z.prettifyError(request.error)}`,
      });
    }
    // TS cannot correlate contract[C]'s schemas with RequestOf<C>/ReplyOf<C>; the parse did.
    const reply = replySchema.safeParse(await implementation(request.data as RequestOf<C>));
    if (!reply.success) {
      // A reply failing its schema is a bug in main, not something the user caused.
      throw new Error(`${channel}: invalid reply: ${z.prettifyError(reply.error)}`);
    }
    return reply.data as ReplyOf<C>;
  };
}

/** Registers one validated handler per allowlisted channel and nothing else. */
export function registerHandlers(ipc: Pick<IpcMain, 'handle'>, deps: HandlerDeps): void {
  const impls = implementations(deps);
  for (const channel of CHANNEL_NAMES) {
    ipc.handle(channel, handlerFor(channel, impls[channel]));
  }
}
