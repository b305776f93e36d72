import { describe, expect, it } from 'vitest';
import { selectByRank } from './select-by-rank.ts';

describe('selectByRank', () => {
  const lines = [
    { rank: 0, name: 'APAC' },
    { rank: 1, name: 'EU' },
  ];

  it('selects the line whose rank the clicked point carries', () => {
    const picked: string[] = [];
    const onClick = selectByRank(lines, (l) => picked.push(l.name));
    onClick({ curveNumber: 2, pointIndex: 0, customdata: 1 });
    expect(picked).toEqual(['EU']);
  });

  it('selects nothing for a point without a rank', () => {
    const picked: string[] = [];
    const onClick = selectByRank(lines, (l) => picked.push(l.name));
    onClick({ curveNumber: 0, pointIndex: 3 });
    onClick({ curveNumber: 0, pointIndex: 3, customdata: 7 });
    expect(picked).toEqual([]);
  });
});
