import { useLayoutEffect } from 'react';
import type { DatasetSide } from '../store/datasets-slice.ts';
import { views } from '../views/registry.ts';
import { useApp } from './AppContext.ts';
import { shortcutCommand } from './shortcuts.ts';

/**
 * The window's keyboard shortcuts: opening files (web only; the desktop menu owns those
 * accelerators) and Ctrl/Cmd+1..9 for the views that are available.
 */
export function useShortcuts(pick: (side: DatasetSide) => void): void {
  const { store, bridge, mac } = useApp();
  const desktop = bridge !== null;
  // Before paint, not after: the first key pressed once the window shows is never lost.
  useLayoutEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const command = shortcutCommand(event, { mac, desktop });
      // Saving is the header's (useSaveShortcut), beside the button and its notices.
      if (command === null || command.kind === 'save') return;
      if (command.kind === 'open') {
        pick(command.side);
      } else {
        const view = views[command.index];
        // An absent or unavailable view leaves the key to the browser.
        if (view === undefined || !view.isAvailable(store.getState())) return;
        store.getState().setActiveView(view.id);
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, mac, desktop, pick]);
}

/**
 * Ctrl/Cmd+S in a browser: `save` instead of the browser's Save Page (on the desktop the menu's
 * accelerator sends save-workspace). A held key saves once, not once per repeat.
 */
export function useSaveShortcut(save: () => void): void {
  const { bridge, mac } = useApp();
  const desktop = bridge !== null;
  useLayoutEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (shortcutCommand(event, { mac, desktop })?.kind !== 'save') return;
      event.preventDefault();
      if (!event.repeat) save();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [mac, desktop, save]);
}
