import type { Predicate, PredicateValue } from '../engine/predicate-types.ts';
import { formatNumber } from './numbers.ts';

const OP_WORDS: Record<Predicate['op'], string> = {
  '=': '=',
  '!=': '≠',
  '<': '<',
  '<=': '≤',
  '>': '>',
  '>=': '≥',
  IN: 'in',
};

function valueWords(v: PredicateValue): string {
  if (v === null) return 'null';
  if (typeof v === 'number') return formatNumber(v);
  return String(v);
}

function predicateWords(p: Predicate): string {
  if (p.value === null) return p.op === '=' ? `${p.column} is missing` : `${p.column} is present`;
  if (Array.isArray(p.value)) return `${p.column} in {${p.value.map(valueWords).join(', ')}}`;
  return `${p.column} ${OP_WORDS[p.op]} ${valueWords(p.value)}`;
}

/** A cohort in plain words: "amount > 134.4 and region = APAC"; numbers rounded for reading. */
export function describePredicates(predicates: readonly Predicate[]): string {
  return predicates.map(predicateWords).join(' and ');
}
