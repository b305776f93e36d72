import { useApp, useAppState } from '../../app/AppContext.ts';
import { WindowSelect } from '../../app/WindowSelect.tsx';
import type { SlicesChoices } from '../../store/slices-choices-slice.ts';
import type { SlicesWindowChoice } from './slices-request.ts';
import { windowLabel } from './slice-windows.ts';

/** The slice counts offered. */
export const kChoices: readonly number[] = [5, 10, 20, 50];
/** The most columns in one slice offered. */
export const maxLevelChoices: readonly number[] = [1, 2, 3, 4];
/** The alphas offered: higher weighs error more, lower favours larger slices. */
export const alphaChoices: readonly number[] = [0.5, 0.8, 0.9, 0.95, 0.99];
/** The minimum supports offered besides the default. */
export const minSupportChoices: readonly number[] = [16, 32, 64, 128, 256, 512, 1024];

/**
 * The Slices view's choices: how many slices, how many columns each, alpha, the minimum support
 * (the default says the rows it came to), and one window of the log's time to search in.
 */
export function SlicesControls({
  windows,
  defaultMinSupport,
}: {
  windows: SlicesWindowChoice;
  /** The minimum support the last search used by default, if known. */
  defaultMinSupport: number | null;
}) {
  const { store } = useApp();
  const choices = useAppState((s) => s.slicesChoices);
  const choose = (c: Partial<SlicesChoices>) => store.getState().chooseSlices(c);
  const number = (value: string) => Number(value);
  return (
    <div className="performance-toolbar">
      <label>
        Top{' '}
        <select value={choices.k} onChange={(e) => choose({ k: number(e.target.value) })}>
          {kChoices.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      <label title="The most columns one slice may combine (SliceLine's levels)">
        Columns per slice{' '}
        <select
          value={choices.maxLevel}
          onChange={(e) => choose({ maxLevel: number(e.target.value) })}
        >
          {maxLevelChoices.map((l) => (
            <option key={l} value={l}>
              up to {l}
            </option>
          ))}
        </select>
      </label>
      <label title="The weight of a slice's error against its size: higher finds smaller, worse slices">
        Alpha{' '}
        <select value={choices.alpha} onChange={(e) => choose({ alpha: number(e.target.value) })}>
          {alphaChoices.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <label title="The fewest rows a slice may have">
        Min rows{' '}
        <select
          value={choices.minSupport ?? ''}
          onChange={(e) =>
            choose({ minSupport: e.target.value === '' ? null : number(e.target.value) })
          }
        >
          <option value="">
            {defaultMinSupport === null ? 'default' : `default (${defaultMinSupport})`}
          </option>
          {minSupportChoices.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </label>
      {windows.windows.length > 0 && (
        <>
          <label>
            Rows of{' '}
            <select
              value={windows.window?.start ?? ''}
              onChange={(e) => choose({ window: e.target.value === '' ? null : e.target.value })}
            >
              <option value="">the whole log</option>
              {windows.windows.map((w) => (
                <option key={w.start} value={w.start}>
                  {windowLabel(w)}
                </option>
              ))}
            </select>
          </label>
          <WindowSelect
            label="Windows by"
            value={choices.windowUnit}
            onChange={(windowUnit) => choose({ windowUnit, window: null })}
          />
        </>
      )}
    </div>
  );
}
