import { useEffect } from 'react';
import type { FaultlineBridge } from '../../shared/ipc/bridge-api.ts';
import type { MenuCommand } from '../../shared/ipc/contract.ts';
import type { Session } from '../engine/session-types.ts';
import { openFromDialog } from './open-from-dialog.ts';

/** What a menu command needs to act. */
export interface MenuCommandDeps {
  bridge: FaultlineBridge;
  session: Session;
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
      deps.onNotice('Export arrives with the report: there is nothing to export yet.');
      return;
  }
}

/** Acts on the desktop menu's commands while mounted; does nothing in a plain browser. */
export function useMenuCommands(
  bridge: FaultlineBridge | null,
  session: Session,
  onNotice: (message: string) => void,
): void {
  useEffect(() => {
    if (bridge === null) return;
    return bridge.onMenuCommand((command) => {
      void runMenuCommand(command, { bridge, session, onNotice });
    });
  }, [bridge, session, onNotice]);
}
