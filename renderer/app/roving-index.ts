/** Which arrow keys move along a list: rows move with Up/Down, tabs with Left/Right. */
export type Orientation = 'vertical' | 'horizontal';

/**
 * The index a key moves focus to in a list of `count` items (the roving-tabindex pattern):
 * previous and next stop at the ends, Home and End jump there. Null for keys that do not move.
 */
export function rovingIndex(
  key: string,
  current: number,
  count: number,
  orientation: Orientation,
): number | null {
  if (count === 0) return null;
  const [previous, next] =
    orientation === 'vertical' ? ['ArrowUp', 'ArrowDown'] : ['ArrowLeft', 'ArrowRight'];
  if (key === previous) return Math.max(0, current - 1);
  if (key === next) return Math.min(count - 1, current + 1);
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}
