import type { CheckResult, GuardCheck } from '../../shared/fixtures/check.ts';
import { guardCountWords } from '../../shared/fixtures/fixture-guards.ts';
import { plural } from '../../shared/text/plural.ts';
import { renderTable } from '../text-table.ts';
import { thresholdText } from './fixtures.ts';

/** One checked fixture folder, as the command reports it. */
export interface CheckedFixture {
  name: string;
  path: string;
  result: CheckResult;
}

const actualText = (g: GuardCheck): string =>
  g.actual === null ? 'undefined' : `${thresholdText(g.actual)} (${g.k}/${g.n})`;

function foundWords(r: CheckResult, log: string): string {
  if (r.missing_rows === 0 && r.unscored_rows === 0) return `all found in ${log}`;
  const parts = [];
  if (r.missing_rows > 0) {
    const ids = r.missing_ids.map((id) => JSON.stringify(id)).join(', ');
    parts.push(
      `${r.missing_rows} not in ${log} (${ids}${r.missing_rows > r.missing_ids.length ? ', …' : ''})`,
    );
  }
  if (r.unscored_rows > 0) parts.push(`${r.unscored_rows} without a prediction`);
  return parts.join(', ');
}

/** A failing guard in words: what the new log gives, what the fixture expects, and why. */
function failureWords(g: GuardCheck): string {
  const bound = g.op === '>=' ? 'at least' : 'at most';
  const actual =
    g.actual === null
      ? `undefined (${guardCountWords(g.metric, g.k, g.n)})`
      : `${thresholdText(g.actual)} (${guardCountWords(g.metric, g.k, g.n)})`;
  return `${g.name}: ${g.metric} is ${actual}; the fixture expects ${bound} ${thresholdText(g.expected)} (${g.reason})`;
}

/** The readable summary of `faultline check`: per fixture its guards, then the failures in words. */
export function checkText(checked: readonly CheckedFixture[], log: string): string {
  const guards = checked.flatMap((c) => c.result.fixtures);
  const failing = guards.filter((g) => !g.passed);
  const verdict =
    failing.length === 0
      ? `PASSED: all ${plural(guards.length, 'guard')} hold`
      : `FAILED: ${failing.length} of ${plural(guards.length, 'guard')} failed`;
  const lines = [`check ${plural(checked.length, 'fixture')} against ${log}: ${verdict}`];
  for (const c of checked) {
    lines.push(
      '',
      `${c.name} (${c.path}): ${plural(c.result.rows, 'row')}, ${foundWords(c.result, log)}`,
    );
    const rows = c.result.fixtures.map((g) => [
      g.guard,
      `${g.op} ${thresholdText(g.expected)}`,
      actualText(g),
      g.passed ? 'ok' : 'FAILED',
    ]);
    lines.push(renderTable(['guard', 'expected', 'actual', ''], rows));
  }
  if (failing.length > 0) {
    lines.push('', 'Failing guards:', ...failing.map((g) => `  - ${failureWords(g)}`));
  }
  return lines.join('\n');
}
