import { describe, expect, it } from 'vitest';
import {
  ariaShortcut,
  isMacUserAgent,
  shortcutCommand,
  shortcutHint,
  type KeyChord,
} from './shortcuts.ts';

const press = (key: string, mods: Partial<KeyChord> = {}): KeyChord => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});
const web = { mac: false, desktop: false };
const webMac = { mac: true, desktop: false };
const desktop = { mac: false, desktop: true };

describe('shortcutCommand', () => {
  it('opens reference, current and log with Ctrl+O, Ctrl+Shift+O and Ctrl+L on the web', () => {
    expect(shortcutCommand(press('o', { ctrlKey: true }), web)).toEqual({
      kind: 'open',
      side: 'reference',
    });
    // With Shift held the browser reports the upper-case key.
    expect(shortcutCommand(press('O', { ctrlKey: true, shiftKey: true }), web)).toEqual({
      kind: 'open',
      side: 'current',
    });
    expect(shortcutCommand(press('l', { ctrlKey: true }), web)).toEqual({
      kind: 'open',
      side: 'log',
    });
  });

  it('switches views with Ctrl+1..9', () => {
    expect(shortcutCommand(press('1', { ctrlKey: true }), web)).toEqual({ kind: 'view', index: 0 });
    expect(shortcutCommand(press('9', { ctrlKey: true }), web)).toEqual({ kind: 'view', index: 8 });
    expect(shortcutCommand(press('0', { ctrlKey: true }), web)).toBeNull();
  });

  it('uses Cmd on macOS and ignores Ctrl there', () => {
    expect(shortcutCommand(press('o', { metaKey: true }), webMac)).toEqual({
      kind: 'open',
      side: 'reference',
    });
    expect(shortcutCommand(press('o', { ctrlKey: true }), webMac)).toBeNull();
    expect(shortcutCommand(press('o', { metaKey: true }), web)).toBeNull();
  });

  it('leaves opening to the menu on the desktop but still switches views', () => {
    expect(shortcutCommand(press('o', { ctrlKey: true }), desktop)).toBeNull();
    expect(shortcutCommand(press('l', { ctrlKey: true }), desktop)).toBeNull();
    expect(shortcutCommand(press('2', { ctrlKey: true }), desktop)).toEqual({
      kind: 'view',
      index: 1,
    });
  });

  it('saves the workspace with Ctrl/Cmd+S on the web; the desktop menu owns it there', () => {
    expect(shortcutCommand(press('s', { ctrlKey: true }), web)).toEqual({ kind: 'save' });
    expect(shortcutCommand(press('s', { metaKey: true }), webMac)).toEqual({ kind: 'save' });
    expect(shortcutCommand(press('S', { ctrlKey: true, shiftKey: true }), web)).toBeNull();
    expect(shortcutCommand(press('s', { ctrlKey: true }), desktop)).toBeNull();
    expect(shortcutHint({ kind: 'save' }, false)).toBe('Ctrl+S');
    expect(ariaShortcut({ kind: 'save' }, true)).toBe('Meta+S');
  });

  it('ignores unmodified keys, Alt chords and other letters', () => {
    expect(shortcutCommand(press('o'), web)).toBeNull();
    expect(shortcutCommand(press('1'), web)).toBeNull();
    expect(shortcutCommand(press('o', { ctrlKey: true, altKey: true }), web)).toBeNull();
    expect(shortcutCommand(press('L', { ctrlKey: true, shiftKey: true }), web)).toBeNull();
    expect(shortcutCommand(press('p', { ctrlKey: true }), web)).toBeNull();
  });
});

describe('shortcut hints', () => {
  it('writes Ctrl and Shift out, or the macOS symbols', () => {
    expect(shortcutHint({ kind: 'open', side: 'current' }, false)).toBe('Ctrl+Shift+O');
    expect(shortcutHint({ kind: 'open', side: 'current' }, true)).toBe('⌘⇧O');
    expect(shortcutHint({ kind: 'open', side: 'log' }, false)).toBe('Ctrl+L');
    expect(shortcutHint({ kind: 'view', index: 0 }, true)).toBe('⌘1');
    expect(ariaShortcut({ kind: 'open', side: 'current' }, false)).toBe('Control+Shift+O');
    expect(ariaShortcut({ kind: 'view', index: 2 }, true)).toBe('Meta+3');
  });

  it('recognises Apple user agents', () => {
    expect(
      isMacUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36'),
    ).toBe(true);
    expect(isMacUserAgent('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36')).toBe(false);
  });
});
