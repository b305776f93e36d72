import type { ColumnRole } from './column-role.ts';
import type { DatasetSchema, SchemaColumn } from './dataset-schema.ts';
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

/** A column both sides have that plays a different part in each (e.g. the label in one only). */
export interface RoleMismatch {
  name: string;
  referenceRole: ColumnRole;
  currentRole: ColumnRole;
  message: string;
}

/** Reference ↔ current, column by column: what can be compared and what cannot. */
export interface DatasetPairing {
  matched: PairedColumn[];
  referenceOnly: string[];
  currentOnly: string[];
  typeMismatches: TypeMismatch[];
  /** Matched columns whose role differs where it matters (anything but feature vs ignored). */
  roleMismatches: RoleMismatch[];
}

// A feature in one log and ignored in the other compares fine; every other difference changes
// what an analysis reads (a different label, score, time or id).
const interchangeable: ReadonlySet<ColumnRole> = new Set(['feature', 'ignored']);

function roleMismatch(r: SchemaColumn, c: SchemaColumn): RoleMismatch | null {
  if (r.role === c.role || (interchangeable.has(r.role) && interchangeable.has(c.role))) {
    return null;
  }
  return {
    name: r.name,
    referenceRole: r.role,
    currentRole: c.role,
    message: `'${r.name}' is ${r.role} in the reference but ${c.role} in the current data`,
  };
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
  const roleMismatches: RoleMismatch[] = [];
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
      const roles = roleMismatch(r, c);
      if (roles !== null) roleMismatches.push(roles);
    }
  }
  return {
    matched,
    referenceOnly: reference.columns.filter((c) => !currentByName.has(c.name)).map((c) => c.name),
    currentOnly: current.columns.filter((c) => !referenceNames.has(c.name)).map((c) => c.name),
    typeMismatches,
    roleMismatches,
  };
}
