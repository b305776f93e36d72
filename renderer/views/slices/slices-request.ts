import type { SlicesRequest, SlicesWindow } from '../../engine/worker-protocol.ts';
import type { AppState } from '../../store/store.ts';
import type { SlicesChoices } from '../../store/slices-choices-slice.ts';
import { sideTables } from '../performance/performance-sides.ts';
import { searchedWithin } from './slice-cohort.ts';
import { resolvedWindowUnit, spanWindows } from './slice-windows.ts';
import { slicesSides, type SlicesSides } from './slices-sides.ts';

/** The windows the log can be searched in one of, and the one chosen (null: the whole log). */
export interface SlicesWindowChoice {
  /** Empty when the log has no time column (or no times). */
  windows: SlicesWindow[];
  window: SlicesWindow | null;
}

/** The log's windows for the chosen unit, and the chosen window while the log still has it. */
export function slicesWindowOf(
  sides: Pick<SlicesSides, 'log'>,
  choices: Pick<SlicesChoices, 'windowUnit' | 'window'>,
): SlicesWindowChoice {
  const { schema } = sides.log;
  const hasTime = schema.columns.some((c) => c.role === 'time' && c.kind === 'datetime');
  if (!hasTime) return { windows: [], window: null };
  const windows = spanWindows(
    schema.timeSpan,
    resolvedWindowUnit(choices.windowUnit, schema.timeSpan),
  );
  return { windows, window: windows.find((w) => w.start === choices.window) ?? null };
}

/**
 * The Slices view's search for the open datasets and its choices, or null while the log lacks a
 * role: the log and its reference (slicesSides), the parameters, one window of the log if chosen
 * (its slices compared with the whole reference), and the cohort searched within.
 */
export function slicesRequestOf(
  state: Pick<AppState, 'datasets' | 'overrides' | 'cohort' | 'slicesChoices'>,
): SlicesRequest | null {
  const sides = slicesSides(state.datasets);
  if (sides === null || sides.gaps.length > 0) return null;
  const choices = state.slicesChoices;
  const { window } = slicesWindowOf(sides, choices);
  const tables = sideTables(sides, state.overrides);
  return {
    log: tables.log,
    reference: tables.reference,
    alpha: choices.alpha,
    k: choices.k,
    maxLevel: choices.maxLevel,
    minSupport: choices.minSupport,
    window,
    where: searchedWithin(state.cohort, choices.picked),
  };
}
