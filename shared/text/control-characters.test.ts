import { describe, expect, it } from 'vitest';
import { hasControlCharacters } from './control-characters.ts';

describe('hasControlCharacters', () => {
  it.each([
    ['production.parquet', false],
    ['', false],
    ['données été 📈 \u202e.csv', false],
    ['a\u0000b', true],
    ['line\nbreak', true],
    ['tab\there', true],
    ['\u001b[31mred', true],
    ['del\u007f', true],
    ['\u0080 (C1, printed as is)', false],
  ])('%j → %s', (text, expected) => {
    expect(hasControlCharacters(text)).toBe(expected);
  });
});
