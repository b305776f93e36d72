import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ErrorsSort } from '../../../shared/analyses/errors/errors-spec.ts';
import { rovingIndex } from '../../app/roving-index.ts';
import { ErrorsGridRow } from './ErrorsGridRow.tsx';
import { gridTemplate, gridWidth, type GridColumn } from './grid-columns.ts';
import { ROW_HEIGHT, rowsPerPage, scrollTopToShow } from './page-math.ts';
import type { ErrorsGrid as GridRows } from './use-errors-grid.ts';

/** The sticky header row's height in pixels (errors.css). */
export const HEADER_HEIGHT = 34;

/** Where the grid starts before it is measured (and in server rendering): a typical viewport. */
const INITIAL_RECT = { width: 1000, height: 520 };

interface Props {
  rows: GridRows;
  columns: readonly GridColumn[];
  sort: ErrorsSort;
  onSort(by: string): void;
  /** The row whose detail is open (its `row`), marked in the grid. */
  opened: number | null;
  onOpen(row: number): void;
}

const rowId = (index: number) => `errors-row-${index}`;

/**
 * The mispredictions as an ARIA grid over `rows.count` rows, of which only those in sight are
 * rendered (useVirtualizer, fixed row height) and fetched; rows still loading show "…". One tab
 * stop: Up/Down, Page Up/Down, Home and End move the selected row and scroll it into view, Enter
 * (or a click) opens its detail. A header click sorts by that column.
 */
export function ErrorsGrid({ rows, columns, sort, onSort, opened, onOpen }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState(0);
  const virtualizer = useVirtualizer({
    count: rows.count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: INITIAL_RECT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const { showRange, listing } = rows;

  useEffect(() => {
    showRange(first, last);
  }, [first, last, showRange]);

  // A new filter or sort is a new list: back to its top.
  useEffect(() => {
    setSelected(0);
    if (scrollRef.current !== null) scrollRef.current.scrollTop = 0;
  }, [listing]);

  const select = (index: number) => {
    setSelected(index);
    const el = scrollRef.current;
    if (el === null) return;
    el.scrollTop = scrollTopToShow(index, el.scrollTop, el.clientHeight, HEADER_HEIGHT);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || rows.count === 0) return;
    if (event.key === 'Enter') {
      const row = rows.rowAt(selected);
      if (row !== undefined) onOpen(row.row);
      event.preventDefault();
      return;
    }
    const page = rowsPerPage(scrollRef.current?.clientHeight ?? 0, HEADER_HEIGHT);
    const next =
      event.key === 'PageDown'
        ? Math.min(rows.count - 1, selected + page)
        : event.key === 'PageUp'
          ? Math.max(0, selected - page)
          : rovingIndex(event.key, selected, rows.count, 'vertical');
    if (next === null) return;
    event.preventDefault();
    select(next);
  };

  const template = gridTemplate(columns);
  const width = gridWidth(columns);
  const shown = Math.min(selected, Math.max(0, rows.count - 1));
  const active = items.some((item) => item.index === shown) ? rowId(shown) : undefined;

  return (
    <div
      ref={scrollRef}
      className="errors-grid"
      role="grid"
      aria-label="Wrong predictions"
      aria-rowcount={rows.count + 1}
      aria-colcount={columns.length}
      aria-activedescendant={active}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div className="errors-grid-head" role="rowgroup" style={{ width }}>
        <div
          className="errors-grid-row"
          role="row"
          aria-rowindex={1}
          style={{ gridTemplateColumns: template, height: HEADER_HEIGHT }}
        >
          {columns.map((c) => {
            const sorted = c.sortBy !== null && sort.by === c.sortBy;
            return (
              <div
                key={c.id}
                role="columnheader"
                className={c.numeric ? 'number' : undefined}
                aria-sort={
                  sorted ? (sort.direction === 'desc' ? 'descending' : 'ascending') : undefined
                }
                title={c.title}
              >
                {c.sortBy === null ? (
                  <span className="errors-grid-header-text">{c.header}</span>
                ) : (
                  <button
                    type="button"
                    className="sort-header"
                    onClick={() => c.sortBy !== null && onSort(c.sortBy)}
                  >
                    {c.header}
                    {sorted && (
                      <span aria-hidden="true">{sort.direction === 'desc' ? ' ▼' : ' ▲'}</span>
                    )}
                  </button>
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div
        className="errors-grid-body"
        role="rowgroup"
        style={{ height: virtualizer.getTotalSize(), width }}
      >
        {items.map((item) => {
          const row = rows.rowAt(item.index);
          return (
            <ErrorsGridRow
              key={item.index}
              id={rowId(item.index)}
              index={item.index}
              top={item.start}
              template={template}
              columns={columns}
              row={row}
              selected={item.index === shown}
              opened={row !== undefined && row.row === opened}
              onClick={() => {
                setSelected(item.index);
                if (row !== undefined) onOpen(row.row);
              }}
            />
          );
        })}
      </div>
    </div>
  );
}
