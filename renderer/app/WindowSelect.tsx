import type { WindowUnit } from '../../shared/analyses/windows.ts';

/** A timeline window as the user picks it; `auto` lets the analysis pick from the span. */
export type WindowChoice = WindowUnit | 'auto';

const windowChoices: readonly WindowChoice[] = ['auto', 'day', 'week', 'month'];

/** A labelled select of the timeline window, `auto` first. */
export function WindowSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: WindowChoice;
  onChange(window: WindowChoice): void;
}) {
  return (
    <label>
      {`${label} `}
      <select value={value} onChange={(e) => onChange(e.target.value as WindowChoice)}>
        {windowChoices.map((w) => (
          <option key={w} value={w}>
            {w === 'auto' ? 'auto (from the span)' : w}
          </option>
        ))}
      </select>
    </label>
  );
}
