import { findingsOf } from '../../shared/investigation/findings.ts';
import { summarizeFindings } from '../../shared/investigation/findings-summary.ts';
import { runInvestigation } from '../../shared/investigation/run-investigation.ts';
import { buildReport } from '../../shared/report/report-model.ts';
import { renderReportHtml } from '../../shared/report/render-html.ts';
import { time, type Results } from '../harness.ts';
import { benchPairedLogs } from './paired-logs.ts';

const INVESTIGATION = 'report: the investigation (every analysis) + findings';
const RENDER = 'report: model + HTML from the investigation';

/**
 * What Findings and `faultline report` cost on the paired logs (paired-logs.ts): every analysis
 * at once with the findings ranked, then the report's model and HTML from that result (no data
 * touched), against both tables' floor.
 */
export async function benchReport(
  rows: number,
  runs: number,
  dataRoot: string,
  results: Results,
): Promise<void> {
  await benchPairedLogs(
    { rows, runs, dataRoot, results },
    'report',
    [INVESTIGATION, RENDER],
    async ({ engine, reference, current, record }) => {
      const spec = { reference: reference.schema, current: current.schema };
      const investigate = async () => {
        const investigation = await runInvestigation(engine, spec);
        const findings = findingsOf(investigation);
        return { investigation, findings, summary: summarizeFindings(findings, investigation) };
      };
      const first = await investigate();
      record(
        INVESTIGATION,
        await time(runs, async () => {
          await investigate();
        }),
        {
          findings: first.findings.length,
          skipped: first.investigation.skipped.map((s) => s.section),
        },
      );
      let bytes = 0;
      record(
        RENDER,
        await time(runs, async () => {
          const model = buildReport(first.investigation, first.findings, first.summary, {
            generated_at: '2026-01-01T00:00:00.000Z',
            inputs: [],
            parameters: {},
            notes: '',
            pinned: [],
          });
          bytes = renderReportHtml(model).length;
        }),
        { html_chars: bytes },
      );
    },
  );
}
