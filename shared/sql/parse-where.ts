import { FaultlineError } from '../errors.ts';
import type { Predicate, PredicateOp, PredicateValue } from './predicate.ts';

const SPACE = /\s*/uy;
const BARE_NAME = /[\p{L}_][\p{L}\p{M}\p{N}_]*/uy;
const WORD = /[\p{L}\p{M}\p{N}_]+/uy;
// ASCII digits only: a number is written the way JavaScript's String(number) writes it back.
const NUMBER = /-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const OPERATOR_CHARS = /[=!<>]+/y;
// Up to the next space, comma or closing parenthesis: the piece an error message quotes.
const TOKEN = /[^\s,)]+/uy;

const OPERATORS: Record<string, Exclude<PredicateOp, 'IN'>> = {
  '=': '=',
  '!=': '!=',
  '<>': '!=',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};
const OPERATOR_LIST = '= != <> < <= > >= IN';
const VALUE_KINDS = "a number, 'text', NULL, TRUE or FALSE";
// The grammar's own words: as bare column names they would make `a = 1 AND in = 2` ambiguous.
const RESERVED = new Set(['AND', 'OR', 'NOT', 'IN', 'IS', 'NULL', 'TRUE', 'FALSE']);

/**
 * Parses `--where` text (`column OP value` joined by AND) into predicates; throws a
 * `bad_predicate` FaultlineError naming the 1-based character position of the first fault.
 */
export function parseWhere(text: string): Predicate[] {
  let i = 0;

  function position(at: number): number {
    return Array.from(text.slice(0, at)).length + 1;
  }
  function fail(at: number, message: string): never {
    throw new FaultlineError({
      code: 'bad_predicate',
      message: `--where: at position ${position(at)}: ${message}`,
    });
  }
  function match(re: RegExp, at = i): string | undefined {
    re.lastIndex = at;
    return re.exec(text)?.[0];
  }
  function skipSpace(): void {
    i += match(SPACE)?.length ?? 0;
  }
  function found(at = i): string {
    const token = match(TOKEN, at) ?? text[at] ?? '';
    // A quoted token already shows its own quotes; wrapping it again would read as doubling.
    return /^['"]/.test(token) ? token : `'${token}'`;
  }

  // A quoted name or text: the quote doubled inside stands for itself.
  function readQuoted(quote: '"' | "'", unterminated: string): string {
    const start = i;
    let out = '';
    let from = i + 1;
    for (;;) {
      const close = text.indexOf(quote, from);
      if (close < 0) fail(start, unterminated);
      out += text.slice(from, close);
      if (text[close + 1] !== quote) {
        i = close + 1;
        return out;
      }
      out += quote;
      from = close + 2;
    }
  }

  function readColumn(after: string): string {
    const start = i;
    if (text[i] === '"') {
      const name = readQuoted(
        '"',
        'unterminated column name: this double quote is never closed (write "" for a quote inside)',
      );
      if (name === '') fail(start, 'a column name cannot be empty ("")');
      return name;
    }
    const name = match(BARE_NAME);
    if (name === undefined) {
      if (text[i] === "'") {
        fail(start, `expected a column name ${after}; column names take double quotes, not single`);
      }
      fail(start, `expected a column name ${after} (like region, or "my col" in double quotes)`);
    }
    if (RESERVED.has(name.toUpperCase())) {
      fail(start, `expected a column name ${after}, found ${name}; quote such a name: "${name}"`);
    }
    const next = text[start + name.length];
    if (next !== undefined && !/[\s=!<>]/u.test(next)) {
      // Dots, dashes, brackets: a bare name stops short, so show the whole name quoted.
      const whole = match(/[^\s=!<>]+/uy, start) ?? name;
      fail(start, `a column name like ${whole} goes in double quotes: "${whole}"`);
    }
    i += name.length;
    return name;
  }

  function readOperator(): PredicateOp {
    skipSpace();
    const start = i;
    const symbols = match(OPERATOR_CHARS);
    if (symbols !== undefined) {
      const op = OPERATORS[symbols];
      if (op === undefined)
        fail(start, `unknown operator '${symbols}'; use one of ${OPERATOR_LIST}`);
      i += symbols.length;
      return op;
    }
    const word = match(WORD);
    if (word === undefined) {
      if (i >= text.length) fail(start, `expected an operator (${OPERATOR_LIST}) after the column`);
      fail(start, `expected an operator (${OPERATOR_LIST}), found ${found()}`);
    }
    const upper = word.toUpperCase();
    if (upper === 'IN') {
      i += word.length;
      return 'IN';
    }
    if (upper === 'IS') {
      fail(start, 'IS is not supported: write = NULL for IS NULL, != NULL for IS NOT NULL');
    }
    if (upper === 'NOT' || upper === 'LIKE' || upper === 'BETWEEN') {
      fail(start, `unknown operator ${word}; use one of ${OPERATOR_LIST}`);
    }
    return fail(
      start,
      `expected an operator (${OPERATOR_LIST}), found '${word}'` +
        ' (a column name with spaces goes in double quotes)',
    );
  }

  function readValue(context: string): PredicateValue {
    skipSpace();
    const start = i;
    const expected = `expected a value ${context} (${VALUE_KINDS})`;
    const ch = text[i];
    if (ch === undefined) fail(start, expected);
    if (ch === "'") {
      return readQuoted(
        "'",
        "unterminated text: this single quote is never closed (write '' for a quote inside)",
      );
    }
    if (ch === '"') {
      fail(start, `${expected}; double quotes are for column names, text takes 'single' quotes`);
    }
    const number = match(NUMBER);
    if (number !== undefined) {
      const next = text[start + number.length];
      if (next !== undefined && /[\p{L}\p{N}_.]/u.test(next)) {
        fail(start, `malformed number ${found()}`);
      }
      const value = Number(number);
      if (!Number.isFinite(value)) fail(start, `the number ${number} is out of range`);
      i += number.length;
      return value;
    }
    const word = match(WORD);
    if (word === undefined) fail(start, `${expected}, found ${found()}`);
    const upper = word.toUpperCase();
    if (upper !== 'NULL' && upper !== 'TRUE' && upper !== 'FALSE') {
      fail(start, `${expected}; text goes in single quotes: '${word}'`);
    }
    i += word.length;
    return upper === 'NULL' ? null : upper === 'TRUE';
  }

  function readList(): PredicateValue[] {
    skipSpace();
    const open = i;
    if (text[i] !== '(') fail(i, "expected '(' after IN, as in IN ('a', 'b')");
    i++;
    skipSpace();
    const values: PredicateValue[] = [];
    if (text[i] === ')') {
      i++;
      return values;
    }
    for (;;) {
      values.push(readValue(values.length === 0 ? 'in the IN list' : "after ','"));
      skipSpace();
      const ch = text[i];
      if (ch === undefined) {
        fail(i, `expected ',' or ')' to close the IN list opened at position ${position(open)}`);
      }
      if (ch !== ',' && ch !== ')') fail(i, `expected ',' or ')' in the IN list, found ${found()}`);
      i++;
      if (ch === ')') return values;
    }
  }

  function readPredicate(after: string): Predicate {
    const column = readColumn(after);
    const op = readOperator();
    if (op === 'IN') return { column, op, value: readList() };
    skipSpace();
    const valueAt = i;
    const value = readValue(`after '${op}'`);
    if (value === null && op !== '=' && op !== '!=') {
      fail(valueAt, `NULL can only be compared with = or != (${op} NULL matches no row)`);
    }
    return { column, op, value };
  }

  skipSpace();
  if (i >= text.length) fail(0, "expected a predicate such as region = 'APAC', found no text");
  const predicates = [readPredicate('at the start')];
  for (;;) {
    skipSpace();
    if (i >= text.length) return predicates;
    const word = match(WORD);
    const upper = word?.toUpperCase();
    if (upper === 'OR') {
      fail(i, "only AND is supported between predicates, not OR (IN ('a', 'b') covers one column)");
    }
    if (word === undefined || upper !== 'AND') {
      fail(i, `expected AND or the end of the input, found ${found()}`);
    }
    i += word.length;
    skipSpace();
    predicates.push(readPredicate('after AND'));
  }
}
