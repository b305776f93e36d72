import { describe, expect, it } from 'vitest';
import { assignDroppedFiles } from './assign-drop.ts';

describe('assignDroppedFiles', () => {
  it('opens every file on the side it was dropped on, as one dataset', () => {
    expect(assignDroppedFiles(['a.csv', 'b.csv'], ['reference', 'current'], 'current')).toEqual({
      opens: [{ side: 'current', files: ['a.csv', 'b.csv'] }],
      unassigned: [],
    });
  });

  it('fills free sides in order with one file each', () => {
    expect(assignDroppedFiles(['train.csv', 'prod.csv'], [], null)).toEqual({
      opens: [
        { side: 'reference', files: ['train.csv'] },
        { side: 'current', files: ['prod.csv'] },
      ],
      unassigned: [],
    });
    expect(assignDroppedFiles(['canary.csv'], ['reference', 'current'], null)).toEqual({
      opens: [{ side: 'log', files: ['canary.csv'] }],
      unassigned: [],
    });
  });

  it('skips open sides while free ones remain, then replaces in order', () => {
    expect(assignDroppedFiles(['a', 'b'], ['reference'], null).opens).toEqual([
      { side: 'current', files: ['a'] },
      { side: 'log', files: ['b'] },
    ]);
    expect(assignDroppedFiles(['a', 'b'], ['current', 'log'], null).opens).toEqual([
      { side: 'reference', files: ['a'] },
      { side: 'current', files: ['b'] },
    ]);
    expect(assignDroppedFiles(['a'], ['reference', 'current', 'log'], null).opens).toEqual([
      { side: 'reference', files: ['a'] },
    ]);
  });

  it('leaves files beyond the third unopened', () => {
    expect(assignDroppedFiles(['a', 'b', 'c', 'd', 'e'], ['log'], null)).toEqual({
      opens: [
        { side: 'reference', files: ['a'] },
        { side: 'current', files: ['b'] },
        { side: 'log', files: ['c'] },
      ],
      unassigned: ['d', 'e'],
    });
  });

  it('opens nothing for an empty drop', () => {
    expect(assignDroppedFiles([], [], 'reference')).toEqual({ opens: [], unassigned: [] });
  });
});
