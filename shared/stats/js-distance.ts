// Jensen-Shannon distance of STATS.md "Numeric drift (R vs C)": sqrt(JSD) with log base 2, as
// scipy.spatial.distance.jensenshannon(p, q, base=2) computes it (shares renormalised to sum 1,
// 0·log 0 = 0, no epsilon).

function relEntr(x: number, y: number): number {
  if (x > 0 && y > 0) return x * Math.log(x / y);
  return x === 0 && y >= 0 ? 0 : Infinity;
}

/** sqrt(JSD(p, q)) in base 2, in [0, 1]; null when either side has no mass. */
export function jsDistance(p: readonly number[], q: readonly number[]): number | null {
  if (p.length !== q.length) throw new RangeError('jsDistance: p and q differ in length');
  const sumP = p.reduce((s, v) => s + v, 0);
  const sumQ = q.reduce((s, v) => s + v, 0);
  if (!(sumP > 0) || !(sumQ > 0)) return null;
  let left = 0;
  let right = 0;
  p.forEach((raw, i) => {
    const pi = raw / sumP;
    const qi = (q[i] ?? 0) / sumQ;
    const m = (pi + qi) / 2;
    left += relEntr(pi, m);
    right += relEntr(qi, m);
  });
  // Rounding can leave a hair below 0 for identical shares; the distance is 0 there.
  return Math.sqrt(Math.max(0, (left + right) / Math.LN2 / 2));
}
