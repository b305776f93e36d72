// The summary's status, headline and answers from hand-made findings.
import { describe, expect, it } from 'vitest';
import type { Finding, Severity } from './finding.ts';
import { howBigOf, summarizeFindings } from './findings-summary.ts';
import { emptyInvestigation } from './test-fixtures.ts';

const finding = (id: string, severity: Severity, fields: Partial<Finding> = {}): Finding => ({
  id,
  kind: 'drift',
  severity,
  title: `Finding ${id}`,
  detail: '',
  since: null,
  who: null,
  evidence: { view: 'drift', column: id },
  numbers: {},
  ...fields,
});

const apac = [{ column: 'region', op: '=' as const, value: 'APAC' }];
const investigation = emptyInvestigation();

describe('summarizeFindings', () => {
  it('takes the status from the worst concern', () => {
    const status = (severities: Severity[]) =>
      summarizeFindings(
        severities.map((s, i) => finding(String(i), s)),
        investigation,
      ).status;
    expect(status(['critical', 'low'])).toBe('failing');
    expect(status(['high', 'medium'])).toBe('degraded');
    expect(status(['medium', 'low'])).toBe('watch');
    expect(status(['low'])).toBe('watch');
    expect(status([])).toBe('healthy');
  });

  it('counts a passing canary as no concern', () => {
    const pass = finding('canary', 'low', {
      kind: 'canary',
      title: 'Canary model_version v2 passes against v1 (score 100, 4 of 4 checks passed)',
      numbers: { verdict: 'PASS' },
    });
    const summary = summarizeFindings([pass], investigation);
    expect(summary.status).toBe('healthy');
    expect(summary.headline).toBe(
      'Healthy: no analysis finds the model worse against the reference; canary model_version v2 passes against v1 (score 100, 4 of 4 checks passed).',
    );
  });

  it('answers what, for whom, since when and how much from the top finding', () => {
    const findings = [
      finding('a', 'critical', {
        kind: 'cohort',
        title: 'Recall fell from 0.63 to 0.05 for region = APAC since 2026-09-21 (245 frauds)',
        since: '2026-09-21',
        who: apac,
        numbers: { metric: 'recall', baseline: 0.63, value: 0.05, counted: '245 frauds' },
      }),
      finding('b', 'high', { since: '2026-09-14' }),
      finding('c', 'medium', { since: '2026-08-01' }),
    ];
    expect(summarizeFindings(findings, investigation)).toEqual({
      status: 'failing',
      headline:
        'Failing: Recall fell from 0.63 to 0.05 for region = APAC since 2026-09-21 (245 frauds); 2 more findings (1 critical, 1 high, 1 medium in all).',
      what: 'Recall fell from 0.63 to 0.05 for region = APAC since 2026-09-21 (245 frauds)',
      who: 'region = APAC',
      since: '2026-09-21',
      how_big: 'Recall 0.63 → 0.05 (-92%), 245 frauds',
    });
  });

  it('takes the earliest serious onset when the top finding has none', () => {
    const summary = summarizeFindings(
      [
        finding('a', 'critical', { since: null }),
        finding('b', 'high', { since: '2026-09-14' }),
        finding('c', 'high', { since: '2026-09-21', who: apac }),
      ],
      investigation,
    );
    expect(summary).toMatchObject({ since: '2026-09-14', who: 'region = APAC' });
  });

  it('says all rows when no serious finding names rows, and the onset of any when none has one', () => {
    const summary = summarizeFindings(
      [finding('a', 'medium', { since: '2026-10-05' }), finding('b', 'low', { who: apac })],
      investigation,
    );
    expect(summary).toMatchObject({ status: 'watch', who: 'all rows', since: '2026-10-05' });
  });
});

describe('howBigOf', () => {
  it('reads the numbers each kind quotes', () => {
    expect(howBigOf(finding('d', 'high', { numbers: { psi: 0.661 } }))).toBe('PSI 0.66');
    expect(
      howBigOf(
        finding('m', 'high', {
          kind: 'missing',
          numbers: { reference_rate: 0, current_rate: 0.087 },
        }),
      ),
    ).toBe('missing rate 0.0% → 8.7%');
    expect(
      howBigOf(finding('e', 'medium', { kind: 'calibration', numbers: { ece: 0.0224 } })),
    ).toBe('ECE 0.022');
  });
});
