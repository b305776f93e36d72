import type { StateCreator } from 'zustand/vanilla';
import type { ColumnKind } from '../../shared/schema/column-kind.ts';
import type { ColumnRole } from '../../shared/schema/column-role.ts';
import type { SchemaOverrides } from '../../shared/schema/dataset-schema.ts';
import { withoutKey } from './plain-record.ts';
import type { AppState } from './store.ts';

/** The user's role and kind corrections per dataset id, in the shape inferSchema takes. */
export interface RolesSlice {
  overrides: Record<string, SchemaOverrides>;
  /** Sets one column's role; inferSchema checks the column exists when the schema is redone. */
  setRole(datasetId: string, column: string, role: ColumnRole): void;
  /** Sets one column's kind. */
  setKind(datasetId: string, column: string, kind: ColumnKind): void;
  /** Puts back a dataset's corrections as they were (undoing one the engine refused). */
  restoreOverrides(datasetId: string, overrides: SchemaOverrides | undefined): void;
  /** Drops every correction made to one dataset. */
  clearOverrides(datasetId: string): void;
}

/** The roles slice; writes only `overrides`. */
export const createRolesSlice: StateCreator<AppState, [], [], RolesSlice> = (set) => ({
  overrides: {},
  setRole: (datasetId, column, role) =>
    set((s) => {
      const current = s.overrides[datasetId] ?? {};
      const roles = { ...current.roles, [column]: role };
      return { overrides: { ...s.overrides, [datasetId]: { ...current, roles } } };
    }),
  setKind: (datasetId, column, kind) =>
    set((s) => {
      const current = s.overrides[datasetId] ?? {};
      const kinds = { ...current.kinds, [column]: kind };
      return { overrides: { ...s.overrides, [datasetId]: { ...current, kinds } } };
    }),
  restoreOverrides: (datasetId, overrides) =>
    set((s) => ({
      overrides:
        overrides === undefined
          ? withoutKey(s.overrides, datasetId)
          : { ...s.overrides, [datasetId]: overrides },
    })),
  clearOverrides: (datasetId) => set((s) => ({ overrides: withoutKey(s.overrides, datasetId) })),
});
