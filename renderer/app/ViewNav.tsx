import { useRef, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { views } from '../views/registry.ts';
import { useApp, useAppState } from './AppContext.ts';
import { rovingIndex } from './roving-index.ts';
import { ariaShortcut, shortcutHint } from './shortcuts.ts';
import { tabId, viewPanelId } from './view-tab-ids.ts';

/** The views as tabs (unavailable ones disabled), the first nine with their Ctrl/Cmd+digit. */
export function ViewNav({ shownId }: { shownId: string | null }) {
  const { store, mac } = useApp();
  const available = useAppState(useShallow((s) => views.map((v) => v.isAvailable(s))));
  const listRef = useRef<HTMLDivElement>(null);

  // Arrow keys move between the available tabs and show the one reached (the ARIA tabs pattern
  // with automatic activation: a view is cheap to show, its analyses are cached).
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const enabled = views.filter((_, i) => available[i]);
    const at = enabled.findIndex((v) => v.id === shownId);
    const next = rovingIndex(event.key, Math.max(at, 0), enabled.length, 'horizontal');
    const view = next === null ? undefined : enabled[next];
    if (view === undefined) return;
    event.preventDefault();
    store.getState().setActiveView(view.id);
    listRef.current?.querySelector<HTMLElement>(`#${tabId(view.id)}`)?.focus();
  };

  return (
    <nav className="view-nav" aria-label="Views">
      <div role="tablist" aria-label="Views" ref={listRef} onKeyDown={onKeyDown}>
        {views.map((view, i) => {
          const selected = view.id === shownId;
          return (
            <button
              key={view.id}
              id={tabId(view.id)}
              type="button"
              role="tab"
              aria-selected={selected}
              aria-controls={selected ? viewPanelId : undefined}
              tabIndex={selected || (shownId === null && i === 0) ? 0 : -1}
              disabled={!available[i]}
              aria-keyshortcuts={i < 9 ? ariaShortcut({ kind: 'view', index: i }, mac) : undefined}
              onClick={() => store.getState().setActiveView(view.id)}
            >
              {view.title}
              {i < 9 && (
                <kbd className="shortcut-hint" aria-hidden="true">
                  {shortcutHint({ kind: 'view', index: i }, mac)}
                </kbd>
              )}
            </button>
          );
        })}
      </div>
    </nav>
  );
}
