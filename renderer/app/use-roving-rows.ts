import { useRef, type KeyboardEvent, type RefObject } from 'react';
import { rovingIndex } from './roving-index.ts';

/** What a table body of selectable rows needs: its props, and which row is the tab stop. */
export interface RovingRows {
  bodyProps: {
    ref: RefObject<HTMLTableSectionElement | null>;
    onKeyDown(event: KeyboardEvent<HTMLTableSectionElement>): void;
  };
  /** The index of the row that takes Tab: the selected one, else the first. */
  tabStop: number;
}

/**
 * A table body whose rows are one tab stop (the roving-tabindex pattern): Up/Down, Home and End
 * select and focus another row, Enter or Space selects the focused one. `keyOf` names a row as
 * `selected` and `onSelect` do.
 */
export function useRovingRows<T>(
  rows: readonly T[],
  keyOf: (row: T) => string,
  selected: string | null,
  onSelect: (key: string) => void,
): RovingRows {
  const ref = useRef<HTMLTableSectionElement>(null);
  const tabStop = Math.max(
    0,
    rows.findIndex((r) => keyOf(r) === selected),
  );

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const row = event.target;
    if (!(row instanceof HTMLTableRowElement)) return;
    const at = row.sectionRowIndex;
    if (event.key === 'Enter' || event.key === ' ') {
      const focused = rows[at];
      if (focused !== undefined) onSelect(keyOf(focused));
      event.preventDefault();
      return;
    }
    const next = rovingIndex(event.key, at, rows.length, 'vertical');
    if (next === null) return;
    event.preventDefault();
    const target = rows[next];
    if (target !== undefined) onSelect(keyOf(target));
    ref.current?.rows[next]?.focus();
  };

  return { bodyProps: { ref, onKeyDown }, tabStop };
}
