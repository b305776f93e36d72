import type { DatasetSide } from '../store/datasets-slice.ts';

/** What a keyboard shortcut asks for. */
export type ShortcutCommand =
  | { kind: 'open'; side: DatasetSide }
  /** The view at this index of the registry (Ctrl/Cmd+1 is index 0). */
  | { kind: 'view'; index: number }
  /** Save the workspace (Ctrl/Cmd+S), instead of the browser's Save Page. */
  | { kind: 'save' };

/** The parts of a KeyboardEvent a shortcut depends on. */
export interface KeyChord {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * The command a key press means, or null. Cmd is the modifier on macOS, Ctrl elsewhere. On the
 * desktop the application menu owns the open and save accelerators (Ctrl/Cmd+O, Shift+O, L, S),
 * so only view switching is read here; handling both would open two dialogs.
 */
export function shortcutCommand(
  chord: KeyChord,
  opts: { mac: boolean; desktop: boolean },
): ShortcutCommand | null {
  const primary = opts.mac ? chord.metaKey && !chord.ctrlKey : chord.ctrlKey && !chord.metaKey;
  if (!primary || chord.altKey) return null;
  const key = chord.key.toLowerCase();
  if (/^[1-9]$/.test(key) && !chord.shiftKey) return { kind: 'view', index: Number(key) - 1 };
  if (opts.desktop) return null;
  if (key === 'o') return { kind: 'open', side: chord.shiftKey ? 'current' : 'reference' };
  if (key === 'l' && !chord.shiftKey) return { kind: 'open', side: 'log' };
  if (key === 's' && !chord.shiftKey) return { kind: 'save' };
  return null;
}

const openKeys: Record<DatasetSide, { key: string; shift: boolean }> = {
  reference: { key: 'O', shift: false },
  current: { key: 'O', shift: true },
  log: { key: 'L', shift: false },
};

function keysOf(command: ShortcutCommand): { key: string; shift: boolean } {
  switch (command.kind) {
    case 'open':
      return openKeys[command.side];
    case 'view':
      return { key: String(command.index + 1), shift: false };
    case 'save':
      return { key: 'S', shift: false };
  }
}

/** How the shortcut for a command is written: "Ctrl+Shift+O", or "⌘⇧O" on macOS. */
export function shortcutHint(command: ShortcutCommand, mac: boolean): string {
  const { key, shift } = keysOf(command);
  return mac ? `⌘${shift ? '⇧' : ''}${key}` : `Ctrl+${shift ? 'Shift+' : ''}${key}`;
}

/** The same shortcut in aria-keyshortcuts' syntax: "Control+Shift+O", "Meta+1". */
export function ariaShortcut(command: ShortcutCommand, mac: boolean): string {
  const { key, shift } = keysOf(command);
  return `${mac ? 'Meta' : 'Control'}+${shift ? 'Shift+' : ''}${key}`;
}

/** True when the user agent is Apple's (Cmd rather than Ctrl). */
export function isMacUserAgent(userAgent: string): boolean {
  return /Mac|iPhone|iPad/.test(userAgent);
}
