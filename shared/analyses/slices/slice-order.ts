// STATS.md's order of slices: score descending, then size descending, then the predicate text
// (predicates in the table's column order, `column = value`, joined by ' AND ') by code point.

/** Compares strings by Unicode code point (JS `<` compares UTF-16 units, which differs past U+FFFF). */
export function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** What the order reads of a slice. */
export interface Ranked {
  score: number;
  size: number;
  text: string;
}

/** Best first: higher score, then larger size, then predicate text by code point. */
export const bestFirst = (a: Ranked, b: Ranked): number =>
  b.score - a.score || b.size - a.size || compareCodePoints(a.text, b.text);
