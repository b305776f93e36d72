import { describe, expect, it } from 'vitest';
import { rovingIndex } from './roving-index.ts';

describe('rovingIndex', () => {
  it('moves up and down a vertical list, stopping at the ends', () => {
    expect(rovingIndex('ArrowDown', 0, 3, 'vertical')).toBe(1);
    expect(rovingIndex('ArrowDown', 2, 3, 'vertical')).toBe(2);
    expect(rovingIndex('ArrowUp', 1, 3, 'vertical')).toBe(0);
    expect(rovingIndex('ArrowUp', 0, 3, 'vertical')).toBe(0);
  });

  it('jumps to the ends with Home and End', () => {
    expect(rovingIndex('Home', 5, 8, 'vertical')).toBe(0);
    expect(rovingIndex('End', 1, 8, 'horizontal')).toBe(7);
  });

  it('uses Left and Right for horizontal lists only', () => {
    expect(rovingIndex('ArrowRight', 0, 3, 'horizontal')).toBe(1);
    expect(rovingIndex('ArrowLeft', 2, 3, 'horizontal')).toBe(1);
    expect(rovingIndex('ArrowRight', 0, 3, 'vertical')).toBeNull();
    expect(rovingIndex('ArrowDown', 0, 3, 'horizontal')).toBeNull();
  });

  it('ignores other keys and empty lists', () => {
    expect(rovingIndex('Enter', 0, 3, 'vertical')).toBeNull();
    expect(rovingIndex('Home', 0, 0, 'vertical')).toBeNull();
  });
});
