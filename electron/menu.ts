import type { MenuItemConstructorOptions } from 'electron';
import type { OpenPurpose } from '../shared/ipc/contract.ts';

/** A file in File ▸ Recent: the path shown in the menu and what it was opened as. */
export interface RecentFile {
  path: string;
  purpose: OpenPurpose;
}

/** What the menu items do; main.ts supplies them, tests record calls. */
export interface MenuActions {
  openFiles(purpose: OpenPurpose): void;
  openRecent(file: RecentFile): void;
  recent: readonly RecentFile[];
  openWorkspace(): void;
  saveWorkspace(): void;
  exportReport(): void;
  exportFixtures(): void;
  showAbout(): void;
}

export type Template = MenuItemConstructorOptions[];

const separator: MenuItemConstructorOptions = { type: 'separator' };

function recentMenu(actions: MenuActions): Template {
  if (actions.recent.length === 0) return [{ label: 'No recent files', enabled: false }];
  return actions.recent.map((file) => ({
    label: `${file.path} (${file.purpose})`,
    click: () => actions.openRecent(file),
  }));
}

/** The application menu as plain data; macOS gets its app menu first and Quit moves there. */
export function buildMenuTemplate(
  platform: string,
  actions: MenuActions,
  version: string,
): Template {
  const isMac = platform === 'darwin';
  const about: MenuItemConstructorOptions = {
    label: 'About Faultline',
    sublabel: `Version ${version}`,
    click: () => actions.showAbout(),
  };

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      {
        label: 'Open reference…',
        accelerator: 'CmdOrCtrl+O',
        click: () => actions.openFiles('reference'),
      },
      {
        label: 'Open current…',
        accelerator: 'CmdOrCtrl+Shift+O',
        click: () => actions.openFiles('current'),
      },
      { label: 'Open log…', accelerator: 'CmdOrCtrl+L', click: () => actions.openFiles('log') },
      { label: 'Recent', submenu: recentMenu(actions) },
      separator,
      { label: 'Open Workspace…', click: () => actions.openWorkspace() },
      {
        label: 'Save Workspace…',
        accelerator: 'CmdOrCtrl+S',
        click: () => actions.saveWorkspace(),
      },
      separator,
      {
        label: 'Export Report…',
        accelerator: 'CmdOrCtrl+E',
        click: () => actions.exportReport(),
      },
      { label: 'Export Fixtures…', click: () => actions.exportFixtures() },
      ...(isMac ? [] : [separator, { label: 'Quit', role: 'quit' } as const]),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { label: 'Reload', role: 'reload' },
      { label: 'Toggle DevTools', role: 'toggleDevTools' },
      separator,
      { label: 'Actual Size', role: 'resetZoom' },
      { label: 'Zoom In', role: 'zoomIn' },
      { label: 'Zoom Out', role: 'zoomOut' },
      separator,
      { label: 'Toggle Full Screen', role: 'togglefullscreen' },
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: 'Help',
    role: 'help',
    submenu: [{ ...about, label: `About Faultline ${version}` }],
  };

  const appMenu: MenuItemConstructorOptions = {
    label: 'Faultline',
    submenu: [
      about,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { label: 'Quit Faultline', role: 'quit' },
    ],
  };

  return isMac ? [appMenu, file, view, help] : [file, view, help];
}
