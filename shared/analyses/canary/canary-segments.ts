// The segments a comparison checks: all rows, then each value either side holds of each segment
// column in the spec's order, values in code-point order of their text (nulls are no segment).
import { compareCodePoints } from '../slices/slice-order.ts';
import type { CanarySegment, SegmentValue } from './canary-result.ts';
import type { CanarySpec } from './canary-spec.ts';
import type { SidedGroup } from './canary-read.ts';

/** A segment and its index among the spec's segment columns (-1 for all rows). */
export interface IndexedSegment {
  seg: number;
  segment: CanarySegment;
}

const ALL_ROWS: CanarySegment = { name: 'all', column: null, value: null, predicates: [] };

/** The segments found in the comparison's groups over all windows. */
export function segmentsOf(
  spec: CanarySpec,
  groups: ReadonlyMap<string, SidedGroup>,
): IndexedSegment[] {
  const values = spec.segments.map(() => new Map<string, SegmentValue>());
  for (const { key } of groups.values()) {
    if (key.windowed || key.seg < 0 || key.value === null) continue;
    values[key.seg]?.set(String(key.value), key.value);
  }
  return [
    { seg: -1, segment: ALL_ROWS },
    ...spec.segments.flatMap((column, seg) =>
      [...(values[seg] ?? new Map<string, SegmentValue>())]
        .sort(([a], [b]) => compareCodePoints(a, b))
        .map(([text, value]) => ({
          seg,
          segment: {
            name: `${column.name} = ${text}`,
            column: column.name,
            value,
            predicates: [{ column: column.name, op: '=' as const, value }],
          },
        })),
    ),
  ];
}
