import { useEffect } from 'react';
import type { FaultlineBridge } from '../../shared/ipc/bridge-api.ts';
import type { MenuCommand } from '../../shared/ipc/contract.ts';
import type { Session } from '../engine/session-types.ts';
import type { AppStore } from '../store/store.ts';
import { openWorkspaceFromDesktop } from '../workspace/open-workspace.ts';
import { saveWorkspace } from '../workspace/save-workspace.ts';
import { noticeText } from '../workspace/workspace-notice.ts';
import { useApp } from './AppContext.ts';
import { openFromDialog } from './open-from-dialog.ts';

/** What a menu command needs to act. */
export interface MenuCommandDeps {
  bridge: FaultlineBridge;
  session: Session;
  store: AppStore;
  onNotice(message: string): void;
}

/** Carries out one application-menu command (already validated by the bridge). */
export async function runMenuCommand(command: MenuCommand, deps: MenuCommandDeps): Promise<void> {
  switch (command.command) {
    case 'open-files':
      return openFromDialog(deps.bridge, deps.session, command.purpose, deps.onNotice);
    case 'open-granted':
      // File ▸ Recent: the main process granted these again, so they open without a dialog.
      return deps.session.open(
        command.purpose,
        command.files.map((ref) => ({ kind: 'granted', ref })),
      );
    case 'export':
      deps.store.getState().setExporting('report');
      return;
    case 'export-fixtures':
      deps.store.getState().setExporting('fixtures');
      return;
    case 'save-workspace': {
      const notice = await saveWorkspace({ store: deps.store, bridge: deps.bridge });
      if (notice !== null) deps.onNotice(noticeText(notice));
      return;
    }
    case 'open-workspace': {
      const notice = await openWorkspaceFromDesktop(deps, deps.bridge);
      if (notice !== null) deps.onNotice(noticeText(notice));
      return;
    }
  }
}

/** Acts on the desktop menu's commands while mounted; does nothing in a plain browser. */
export function useMenuCommands(
  bridge: FaultlineBridge | null,
  session: Session,
  onNotice: (message: string) => void,
): void {
  const { store } = useApp();
  useEffect(() => {
    if (bridge === null) return;
    return bridge.onMenuCommand((command) => {
      void runMenuCommand(command, { bridge, session, store, onNotice });
    });
  }, [bridge, session, store, onNotice]);
}
