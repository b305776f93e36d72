import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, type MenuActions, type RecentFile } from './menu.ts';

function recordingActions(recent: RecentFile[] = []) {
  const calls: string[] = [];
  const actions: MenuActions = {
    openFiles: (purpose) => calls.push(`open ${purpose}`),
    openRecent: (file) => calls.push(`recent ${file.path} ${file.purpose}`),
    recent,
    openWorkspace: () => calls.push('open workspace'),
    saveWorkspace: () => calls.push('save workspace'),
    exportReport: () => calls.push('export'),
    exportFixtures: () => calls.push('export fixtures'),
    showAbout: () => calls.push('about'),
  };
  return { actions, calls };
}

function submenuOf(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  const submenu = item?.submenu;
  if (!Array.isArray(submenu)) throw new Error(`no submenu on ${item?.label}`);
  return submenu;
}

function find(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const item = items.find((i) => i.label === label);
  if (item === undefined) throw new Error(`no item ${label}`);
  return item;
}

function click(item: MenuItemConstructorOptions): void {
  if (item.click === undefined) throw new Error(`${item.label} has no click`);
  (item.click as () => void)();
}

const labels = (items: MenuItemConstructorOptions[]) =>
  items.map((i) => i.label ?? i.role ?? i.type);

describe('buildMenuTemplate', () => {
  it('on linux has File, View, Help with the right items', () => {
    const { actions } = recordingActions();
    const template = buildMenuTemplate('linux', actions, '0.1.0');
    expect(labels(template)).toEqual(['File', 'View', 'Help']);
    expect(labels(submenuOf(template[0]))).toEqual([
      'Open reference…',
      'Open current…',
      'Open log…',
      'Recent',
      'separator',
      'Open Workspace…',
      'Save Workspace…',
      'separator',
      'Export Report…',
      'Export Fixtures…',
      'separator',
      'Quit',
    ]);
    expect(find(submenuOf(template[0]), 'Quit').role).toBe('quit');
    expect(
      submenuOf(template[1])
        .map((i) => i.role)
        .filter(Boolean),
    ).toEqual(['reload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('puts the version in Help ▸ About and calls the about action', () => {
    const { actions, calls } = recordingActions();
    const help = submenuOf(buildMenuTemplate('linux', actions, '1.2.3')[2]);
    const about = find(help, 'About Faultline 1.2.3');
    click(about);
    expect(calls).toEqual(['about']);
  });

  it('calls the open and export actions when clicked', () => {
    const { actions, calls } = recordingActions();
    const file = submenuOf(buildMenuTemplate('linux', actions, '0.1.0')[0]);
    click(find(file, 'Open reference…'));
    click(find(file, 'Open current…'));
    click(find(file, 'Open log…'));
    click(find(file, 'Export Report…'));
    expect(calls).toEqual(['open reference', 'open current', 'open log', 'export']);
    expect(find(file, 'Open reference…').accelerator).toBe('CmdOrCtrl+O');
  });

  it('saves and opens workspaces and exports fixtures, with Ctrl+S and Ctrl+E', () => {
    const { actions, calls } = recordingActions();
    const file = submenuOf(buildMenuTemplate('linux', actions, '0.1.0')[0]);
    click(find(file, 'Save Workspace…'));
    click(find(file, 'Open Workspace…'));
    click(find(file, 'Export Fixtures…'));
    expect(calls).toEqual(['save workspace', 'open workspace', 'export fixtures']);
    expect(find(file, 'Save Workspace…').accelerator).toBe('CmdOrCtrl+S');
    expect(find(file, 'Export Report…').accelerator).toBe('CmdOrCtrl+E');
    const accelerators = file.map((i) => i.accelerator).filter((a) => a !== undefined);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('lists recent files and reopens the clicked one', () => {
    const { actions, calls } = recordingActions([
      { path: '/data/train.csv', purpose: 'reference' },
      { path: '/data/prod.csv', purpose: 'current' },
    ]);
    const file = submenuOf(buildMenuTemplate('linux', actions, '0.1.0')[0]);
    const recent = submenuOf(find(file, 'Recent'));
    expect(labels(recent)).toEqual(['/data/train.csv (reference)', '/data/prod.csv (current)']);
    click(recent[1] ?? {});
    expect(calls).toEqual(['recent /data/prod.csv current']);
  });

  it('shows a disabled placeholder when nothing is recent', () => {
    const { actions } = recordingActions();
    const file = submenuOf(buildMenuTemplate('linux', actions, '0.1.0')[0]);
    expect(submenuOf(find(file, 'Recent'))).toEqual([{ label: 'No recent files', enabled: false }]);
  });

  it('on darwin puts the app menu first, with About and Quit, and no Quit under File', () => {
    const { actions, calls } = recordingActions();
    const template = buildMenuTemplate('darwin', actions, '0.1.0');
    expect(labels(template)).toEqual(['Faultline', 'File', 'View', 'Help']);
    const appMenu = submenuOf(template[0]);
    expect(appMenu.at(-1)?.role).toBe('quit');
    const about = find(appMenu, 'About Faultline');
    expect(about.sublabel).toBe('Version 0.1.0');
    click(about);
    expect(calls).toEqual(['about']);
    expect(submenuOf(template[1]).some((i) => i.role === 'quit')).toBe(false);
    expect(find(submenuOf(template[3]), 'About Faultline 0.1.0')).toBeDefined();
  });
});
