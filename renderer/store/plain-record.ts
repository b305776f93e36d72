/** A copy of `record` without `key`, for slices that drop one entry from a keyed record. */
export function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  // Object.fromEntries instead of `delete`: state is replaced, never mutated, so zustand's
  // reference checks see the change.
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

/** A shallow copy without `undefined` fields, so a JSON round trip gives back an equal object. */
export function definedFields<T extends object>(value: T): T {
  // JSON.stringify drops undefined fields while structuredClone keeps them; omitting them here
  // keeps the store's data equal under both (ARCHITECTURE.md, Rules 4).
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
