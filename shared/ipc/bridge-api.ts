import {
  menuCommandSchema,
  type ChannelName,
  type FileRef,
  type MenuCommand,
  type OpenPurpose,
  type ReplyOf,
  type RequestOf,
  type StartupOpen,
} from './contract.ts';

/** `window.faultline` in the desktop app: one method per channel, never ipcRenderer itself. */
export interface FaultlineBridge {
  openFiles(purpose: OpenPurpose): Promise<FileRef[]>;
  readRange(id: string, start: number, end: number): Promise<Uint8Array>;
  appInfo(): Promise<ReplyOf<'app:info'>>;
  /** The files named on the command line, already granted; ask once, when the renderer starts. */
  startupFiles(): Promise<StartupOpen[]>;
  /** Calls `listener` for each valid menu command; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** What the preload hands to createBridge: Electron's ipcRenderer, narrowed. */
export interface BridgeTransport {
  invoke<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ReplyOf<C>>;
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
    onMenuCommand(listener) {
      return transport.onMenuCommand((payload) => {
        const parsed = menuCommandSchema.safeParse(payload);
        if (parsed.success) listener(parsed.data);
      });
    },
  };
}
