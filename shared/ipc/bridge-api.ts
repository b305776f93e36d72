import type { WorkspaceInput } from '../workspace/workspace-schema.ts';
import {
  menuCommandSchema,
  type ChannelName,
  type ExportFile,
  type ExportKind,
  type FileRef,
  type MenuCommand,
  type OpenPurpose,
  type OpenedWorkspace,
  type ReplyOf,
  type RequestInputOf,
  type SaveReply,
  type StartupOpen,
} from './contract.ts';

/** `window.faultline` in the desktop app: one method per channel, never ipcRenderer itself. */
export interface FaultlineBridge {
  openFiles(purpose: OpenPurpose): Promise<FileRef[]>;
  readRange(id: string, start: number, end: number): Promise<Uint8Array>;
  appInfo(): Promise<ReplyOf<'app:info'>>;
  /** The files named on the command line, already granted; ask once, when the renderer starts. */
  startupFiles(): Promise<StartupOpen[]>;
  /** The SHA-256 (hex) of a granted file, hashed by the main process where the file is. */
  sha256(id: string): Promise<string>;
  /**
   * Asks where to save, then writes `files` there atomically (a report, its assets, a PDF from
   * HTML, a fixtures folder); refuses a target that is one of the open inputs.
   */
  saveExport(kind: ExportKind, suggestedName: string, files: ExportFile[]): Promise<SaveReply>;
  /**
   * Saves the workspace as `.faultline.json`; `fileIds[i]` is the granted id of
   * `workspace.files[i]` (null when it has none), whose path main writes in.
   */
  saveWorkspace(
    suggestedName: string,
    workspace: WorkspaceInput,
    fileIds: (string | null)[],
  ): Promise<SaveReply>;
  /** Asks for a `.faultline.json`, reads it, and grants each saved input that still exists. */
  openWorkspace(): Promise<OpenedWorkspace | { cancelled: true }>;
  /** Calls `listener` for each valid menu command; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** What the preload hands to createBridge: Electron's ipcRenderer, narrowed. */
export interface BridgeTransport {
  invoke<C extends ChannelName>(channel: C, request: RequestInputOf<C>): Promise<ReplyOf<C>>;
  onMenuCommand(listener: (payload: unknown) => void): () => void;
}

/**
 * The bridge over a transport. Menu payloads are validated here too: the renderer trusts
 * nothing that crosses the process boundary.
 */
export function createBridge(transport: BridgeTransport): FaultlineBridge {
  return {
    async openFiles(purpose) {
      return (await transport.invoke('dialog:open-files', { purpose })).files;
    },
    readRange: (id, start, end) => transport.invoke('file:read-range', { id, start, end }),
    appInfo: () => transport.invoke('app:info', {}),
    async startupFiles() {
      return (await transport.invoke('app:startup-files', {})).opens;
    },
    async sha256(id) {
      return (await transport.invoke('file:sha256', { id })).sha256;
    },
    saveExport: (kind, suggestedName, files) =>
      transport.invoke('export:save', { kind, suggestedName, files }),
    saveWorkspace: (suggestedName, workspace, fileIds) =>
      transport.invoke('workspace:save', { suggestedName, workspace, fileIds }),
    openWorkspace: () => transport.invoke('workspace:open', {}),
    onMenuCommand(listener) {
      return transport.onMenuCommand((payload) => {
        const parsed = menuCommandSchema.safeParse(payload);
        if (parsed.success) listener(parsed.data);
      });
    },
  };
}
