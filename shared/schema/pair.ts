import type { DatasetSchema } from './dataset-schema.ts';
import type { ColumnKind } from './column-kind.ts';

export interface PairedColumn {
  name: string;
  referenceType: string;
  currentType: string;
  kind: ColumnKind;
}

export interface TypeMismatch {
  name: string;
  referenceType: string;
  currentType: string;
  referenceKind: ColumnKind;
  currentKind: ColumnKind;
  message: string;
}

/** Reference ↔ current, column by column: what can be compared and what cannot. */
export interface DatasetPairing {
  matched: PairedColumn[];
  referenceOnly: string[];
  currentOnly: string[];
  typeMismatches: TypeMismatch[];
}

const family = (t: string) =>
  /INT|DOUBLE|FLOAT|REAL|DECIMAL/.test(t)
    ? 'number'
    : t.startsWith('TIMESTAMP') || t === 'DATE'
      ? 'time'
      : t;

/**
 * Pairs columns by exact name. A column is matched when both sides read as the same type family;
 * its kind is the reference's (STATS.md: kinds are decided on R).
 */
export function pairDatasets(reference: DatasetSchema, current: DatasetSchema): DatasetPairing {
  const currentByName = new Map(current.columns.map((c) => [c.name, c]));
  const referenceNames = new Set(reference.columns.map((c) => c.name));
  const matched: PairedColumn[] = [];
  const typeMismatches: TypeMismatch[] = [];
  for (const r of reference.columns) {
    const c = currentByName.get(r.name);
    if (!c) continue;
    if (family(r.type) !== family(c.type)) {
      typeMismatches.push({
        name: r.name,
        referenceType: r.type,
        currentType: c.type,
        referenceKind: r.kind,
        currentKind: c.kind,
        message: `'${r.name}' is ${r.type} in the reference but ${c.type} in the current data`,
      });
    } else {
      matched.push({ name: r.name, referenceType: r.type, currentType: c.type, kind: r.kind });
    }
  }
  return {
    matched,
    referenceOnly: reference.columns.filter((c) => !currentByName.has(c.name)).map((c) => c.name),
    currentOnly: current.columns.filter((c) => !referenceNames.has(c.name)).map((c) => c.name),
    typeMismatches,
  };
}
