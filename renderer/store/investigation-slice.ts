import type { StateCreator } from 'zustand/vanilla';
import type { Pin } from '../../shared/investigation/investigation.ts';
import type { AppState } from './store.ts';

/** What can be exported from an investigation, each through its own dialog. */
export type ExportKind = 'report' | 'fixtures';

/**
 * What the analyst keeps while investigating (pinned slices and cohorts, and notes) and the
 * export dialog open, if any.
 */
export interface InvestigationSlice {
  /** In pinning order; names are unique (pinning the same rows again is a no-op). */
  pins: Pin[];
  notes: string;
  exporting: ExportKind | null;
  /** The column a finding's evidence names, for the view it opens to select first; else null. */
  evidenceColumn: string | null;
  pin(pin: Pin): void;
  unpin(name: string): void;
  setNotes(notes: string): void;
  /** Replaces pins and notes at once (opening a workspace). */
  restoreInvestigation(pins: readonly Pin[], notes: string): void;
  /** Opens an export dialog, or closes it with null. */
  setExporting(kind: ExportKind | null): void;
  setEvidenceColumn(column: string | null): void;
}

const copied = (pin: Pin): Pin => ({
  ...pin,
  predicates: pin.predicates.map((p) => ({
    ...p,
    value: Array.isArray(p.value) ? [...p.value] : p.value,
  })),
});

/** The investigation slice; writes only `pins`, `notes`, `exporting` and `evidenceColumn`. */
export const createInvestigationSlice: StateCreator<AppState, [], [], InvestigationSlice> = (
  set,
) => ({
  pins: [],
  notes: '',
  exporting: null,
  evidenceColumn: null,
  pin: (pin) =>
    set((s) => (s.pins.some((p) => p.name === pin.name) ? s : { pins: [...s.pins, copied(pin)] })),
  unpin: (name) => set((s) => ({ pins: s.pins.filter((p) => p.name !== name) })),
  setNotes: (notes) => set({ notes }),
  restoreInvestigation: (pins, notes) => set({ pins: pins.map(copied), notes }),
  setExporting: (exporting) => set({ exporting }),
  setEvidenceColumn: (evidenceColumn) => set({ evidenceColumn }),
});
