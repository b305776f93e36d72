import { describe, expect, it } from 'vitest';
import { datasetSides, isDatasetSide } from './dataset-sides.ts';

describe('dataset sides', () => {
  it('are filled reference, current, log', () => {
    expect(datasetSides).toEqual(['reference', 'current', 'log']);
  });

  it('recognises side names only', () => {
    expect(isDatasetSide('current')).toBe(true);
    expect(isDatasetSide('Current')).toBe(false);
    expect(isDatasetSide(null)).toBe(false);
  });
});
