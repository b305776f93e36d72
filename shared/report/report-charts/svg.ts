// The few SVG pieces the report's charts are drawn with: pure string builders, every text escaped.
// Charts are inline <svg> in the HTML report (no namespace needed there) and .svg files beside the
// Markdown report (which need the SVG namespace to open on their own).
import { escapeHtml } from '../escape.ts';

export const COLORS = {
  current: '#1f5fa8',
  reference: '#6b6b6b',
  bad: '#b3261e',
  moderate: '#b86e00',
  good: '#2e7d32',
  grid: '#e3e3e3',
  axis: '#4a4a4a',
} as const;

type Attrs = Record<string, string | number>;

const attrs = (a: Attrs): string =>
  Object.entries(a)
    .map(([k, v]) => ` ${k}="${escapeHtml(typeof v === 'number' ? round(v) : v)}"`)
    .join('');

/** Coordinates to 0.1 px: enough for the eye, and stable text for tests. */
const round = (v: number): string => String(Math.round(v * 10) / 10);

/** One element, self-closing unless it has content (already markup). */
export function el(name: string, a: Attrs, content?: string): string {
  return content === undefined
    ? `<${name}${attrs(a)}/>`
    : `<${name}${attrs(a)}>${content}</${name}>`;
}

/** A text label: `text` is escaped. */
export function label(x: number, y: number, text: string, a: Attrs = {}): string {
  return el('text', { x, y, ...a }, escapeHtml(text));
}

/** The chart's root element, with a title for screen readers and tooltips. */
export function svgRoot(width: number, height: number, title: string, body: string): string {
  return el(
    'svg',
    {
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: 'img',
      'aria-label': title,
      'font-family': 'Helvetica, Arial, sans-serif',
      'font-size': 11,
    },
    `<title>${escapeHtml(title)}</title>${body}`,
  );
}

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/** A chart as a file of its own: the root gets the SVG namespace (not a link: XML's name). */
export function standaloneSvg(svg: string): string {
  return `${svg.replace(/^<svg /, `<svg xmlns="${SVG_NAMESPACE}" `)}\n`;
}

/** A linear map from [d0, d1] to [r0, r1] (the middle of the range when d0 = d1). */
export function scale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/** About `count` round tick values covering [min, max]. */
export function ticks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) {
    // Summed steps drift off round values (0.1 * 3); one that should be 0 becomes exactly 0.
    out.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  }
  return out;
}

/** A name cut to `max` characters with an ellipsis (the full name stays in the tables). */
export function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** A polyline through the points, broken where a value is missing. */
export function brokenLine(points: readonly ({ x: number; y: number } | null)[], a: Attrs): string {
  const runs: string[][] = [[]];
  for (const p of points) {
    if (p === null) runs.push([]);
    else runs[runs.length - 1]?.push(`${round(p.x)},${round(p.y)}`);
  }
  return runs
    .filter((r) => r.length > 1)
    .map((r) => el('polyline', { points: r.join(' '), fill: 'none', ...a }))
    .join('');
}
