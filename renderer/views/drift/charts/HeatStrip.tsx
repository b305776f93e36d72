import type { CSSProperties } from 'react';
import type { DriftTimelineWindow } from '../../../../shared/analyses/drift/drift-result.ts';
import { heatStripRows } from './heat-strip.ts';
import './heat-strip.css';

export interface HeatStripProps {
  windows: DriftTimelineWindow[];
  /** Column names, one row each, in this order. */
  columns: string[];
  selected?: string;
  onSelect?: (name: string) => void;
}

/** PSI band per column (rows) and window (cells): where and from when the data drifted. */
export function HeatStrip({ windows, columns, selected, onSelect }: HeatStripProps) {
  const first = windows[0]?.window;
  const last = windows.at(-1)?.window;
  if (first === undefined || last === undefined) {
    return <p className="heat-strip-empty">No windows to show.</p>;
  }
  const grid = { '--windows': windows.length } as CSSProperties;
  return (
    <div className="heat-strip" role="group" aria-label="PSI band per window" style={grid}>
      {heatStripRows(windows, columns).map(({ name, cells }) => (
        // The whole row takes clicks; its button is the keyboard's and screen reader's handle.
        <div
          key={name}
          className={name === selected ? 'heat-strip-row selected' : 'heat-strip-row'}
          onClick={onSelect && (() => onSelect(name))}
        >
          {onSelect ? (
            <button type="button" className="heat-strip-name" aria-pressed={name === selected}>
              {name}
            </button>
          ) : (
            <span className="heat-strip-name">{name}</span>
          )}
          {cells.map((cell) => (
            <span
              key={cell.window}
              className={cell.className}
              title={cell.title}
              role="img"
              aria-label={cell.label}
            />
          ))}
        </div>
      ))}
      <div className="heat-strip-axis" aria-hidden="true">
        <span>{first}</span>
        {last !== first && <span>{last}</span>}
      </div>
    </div>
  );
}
