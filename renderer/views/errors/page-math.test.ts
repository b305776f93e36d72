import { describe, expect, it } from 'vitest';
import {
  gridRowCount,
  MAX_GRID_ROWS,
  pageOffsetsFor,
  pageStart,
  rowsPerPage,
  scrollTopToShow,
} from './page-math.ts';

describe('pageOffsetsFor', () => {
  it('gives the pages a visible range needs, widened by the margin', () => {
    expect(pageOffsetsFor(0, 30, 670, 0, 200)).toEqual([0]);
    expect(pageOffsetsFor(0, 30, 670, 50, 200)).toEqual([0]);
    expect(pageOffsetsFor(160, 190, 670, 50, 200)).toEqual([0, 200]);
    expect(pageOffsetsFor(210, 240, 670, 50, 200)).toEqual([0, 200]);
    expect(pageOffsetsFor(260, 290, 670, 50, 200)).toEqual([200]);
  });

  it('stays within the rows there are', () => {
    expect(pageOffsetsFor(640, 669, 670, 50, 200)).toEqual([400, 600]);
    expect(pageOffsetsFor(640, 700, 670, 0, 200)).toEqual([600]);
    expect(pageOffsetsFor(0, 10, 0, 50, 200)).toEqual([]);
    expect(pageOffsetsFor(5, 4, 670, 0, 200)).toEqual([]);
  });

  it('asks for pages near the end of a million rows without the ones before', () => {
    expect(pageOffsetsFor(999_970, 999_999, 1_000_000, 50, 200)).toEqual([999_800]);
  });
});

describe('pageStart and gridRowCount', () => {
  it('finds the page of a row', () => {
    expect(pageStart(0, 200)).toBe(0);
    expect(pageStart(199, 200)).toBe(0);
    expect(pageStart(200, 200)).toBe(200);
    expect(pageStart(401, 200)).toBe(400);
  });

  it('lays out at most MAX_GRID_ROWS rows', () => {
    expect(gridRowCount(670)).toBe(670);
    expect(gridRowCount(5_000_000)).toBe(MAX_GRID_ROWS);
    expect(gridRowCount(0)).toBe(0);
  });
});

describe('scrollTopToShow', () => {
  // A 28px header over a 308px viewport: ten rows of 28px show below it.
  const show = (index: number, current: number) => scrollTopToShow(index, current, 308, 28, 28);

  it('leaves a visible row where it is', () => {
    expect(show(0, 0)).toBe(0);
    expect(show(9, 0)).toBe(0);
    expect(show(12, 100)).toBe(100);
  });

  it('scrolls down just enough to show a row below, and up to put one above under the header', () => {
    // Row 10 spans 308..336 in the content; the viewport must end at 336.
    expect(show(10, 0)).toBe(28);
    expect(show(2, 200)).toBe(56);
  });

  it('moves a page at a time by the rows that fit under the header', () => {
    expect(rowsPerPage(308, 28, 28)).toBe(9);
    expect(rowsPerPage(20, 28, 28)).toBe(1);
  });
});
