import { describe, expect, it } from 'vitest';
import { Results } from './harness.ts';

describe('Results', () => {
  it('quotes each case against its floor, and lists a skipped case with its reason', () => {
    const results = new Results(1000, 'native');
    results.add('work', 1000, [30, 10, 20], 'floor');
    results.add('floor', 1000, [5, 4, 6], 'floor');
    results.skip('too big', 2000, 'no room');
    const [work, floor, skipped] = results.all();
    expect(work).toMatchObject({
      engine: 'native',
      median_ms: 20,
      ratio_to_floor: 4,
      rows_per_s: 50_000,
    });
    expect(floor).toMatchObject({ median_ms: 5, ratio_to_floor: 1 });
    expect(skipped).toMatchObject({ median_ms: null, ratio_to_floor: null, skipped: 'no room' });
  });
});
