import { describe, expect, it } from 'vitest';
import { confidenceWidth, formatCell, formatConfidence, MISSING_TEXT } from './cell-format.ts';

describe('formatCell', () => {
  it('shows numbers compactly, ids as written', () => {
    expect(formatCell(0.97312)).toBe('0.9731');
    expect(formatCell(12345.6)).toBe('12,346');
    expect(formatCell(1234567, { role: 'id' })).toBe('1234567');
    expect(formatCell(1234567, { role: 'feature' })).toBe('1,234,567');
  });

  it('shows times without the T and zero milliseconds', () => {
    expect(formatCell('2026-09-01T12:34:56.000Z')).toBe('2026-09-01 12:34:56');
    expect(formatCell('2026-09-01T12:34:56.250Z')).toBe('2026-09-01 12:34:56.250');
    expect(formatCell('2026-09-01')).toBe('2026-09-01');
  });

  it('shows text, booleans and missing values', () => {
    expect(formatCell('APAC')).toBe('APAC');
    expect(formatCell(false)).toBe('false');
    expect(formatCell(null)).toBe(MISSING_TEXT);
    expect(formatCell('NaN')).toBe('NaN');
  });
});

describe('confidence', () => {
  it('reads to four decimals, more rather than 1 or 0, and fills its bar in proportion', () => {
    expect(formatConfidence(0.97312)).toBe('0.9731');
    expect(formatConfidence(null)).toBe(MISSING_TEXT);
    expect(formatConfidence(0.9998)).toBe('0.9998');
    expect(formatConfidence(0.99996)).toBe('0.99996');
    expect(formatConfidence(0.00002)).toBe('0.00002');
    expect(formatConfidence(1)).toBe('1.0000');
    expect(formatConfidence(0)).toBe('0.0000');
    expect(confidenceWidth(0.97312)).toBe(97.3);
    expect(confidenceWidth(1.2)).toBe(100);
    expect(confidenceWidth(null)).toBe(0);
  });
});
