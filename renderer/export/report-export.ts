import type { ExportFile, ExportKind } from '../../shared/ipc/contract.ts';
import type { ReportContext, ReportInput, ReportModel } from '../../shared/report/report-model.ts';
import { buildReport } from '../../shared/report/report-model.ts';
import { renderReportHtml } from '../../shared/report/render-html.ts';
import { renderReportMarkdown } from '../../shared/report/render-markdown.ts';
import type { InvestigateRequest, InvestigationReply } from '../engine/worker-protocol.ts';
import type { AppState } from '../store/store.ts';

/** The report's formats; PDF is printed from the HTML by the desktop app. */
export type ReportFormat = 'html' | 'md' | 'json' | 'pdf';

const kinds: Record<ReportFormat, ExportKind> = {
  html: 'report-html',
  md: 'report-md',
  json: 'report-json',
  pdf: 'report-pdf',
};

/** Every file of every open dataset, as the report's "exact inputs" lists them. */
export function reportInputs(datasets: AppState['datasets']): ReportInput[] {
  return Object.values(datasets).flatMap((d) =>
    d.loaded.files.map((f, i) => ({
      role: d.side,
      name: f.name,
      // A browser never knows a file's path; the desktop's are kept by the main process.
      path: null,
      sha256: d.sources[i]?.sha256 ?? null,
      rows: f.rows,
      format: f.format,
    })),
  );
}

/** What the investigation ran with, for the report's reproduction section (plain JSON). */
function parameters(request: InvestigateRequest): ReportContext['parameters'] {
  const { where, canary } = request;
  return JSON.parse(
    JSON.stringify({
      where,
      canary:
        canary === null
          ? null
          : {
              column: canary.source.column,
              baseline: canary.source.baseline,
              canary: canary.source.canary,
              guardrails: canary.guardrails,
            },
    }),
  ) as ReportContext['parameters'];
}

/** The report's model from the Findings view's investigation and what the analyst added. */
export function reportModelOf(
  reply: InvestigationReply,
  request: InvestigateRequest,
  state: Pick<AppState, 'datasets' | 'notes' | 'pins'>,
  options: { title: string; generatedAt: string },
): ReportModel {
  return buildReport(reply.investigation, reply.findings, reply.summary, {
    title: options.title,
    generated_at: options.generatedAt,
    inputs: reportInputs(state.datasets),
    parameters: parameters(request),
    notes: state.notes,
    pinned: state.pins,
  });
}

/** A file name from a title: letters, digits and dashes ("Postmortem: production" → "postmortem-production"). */
export function fileStem(title: string): string {
  const stem = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return stem === '' ? 'report' : stem;
}

/** The files one format writes: the HTML (also what a PDF is printed from), Markdown and its charts, or JSON. */
export function reportFiles(
  model: ReportModel,
  format: ReportFormat,
): { kind: ExportKind; suggestedName: string; files: ExportFile[] } {
  const stem = fileStem(model.title);
  const kind = kinds[format];
  switch (format) {
    case 'html':
    case 'pdf':
      return {
        kind,
        suggestedName: `${stem}.${format}`,
        files: [{ name: `${stem}.html`, data: renderReportHtml(model) }],
      };
    case 'json':
      return {
        kind,
        suggestedName: `${stem}.json`,
        files: [{ name: `${stem}.json`, data: JSON.stringify(model, null, 2) + '\n' }],
      };
    case 'md': {
      const assetsDir = `${stem}-files`;
      const { markdown, assets } = renderReportMarkdown(model, { assetsDir });
      return {
        kind,
        suggestedName: `${stem}.md`,
        files: [
          { name: `${stem}.md`, data: markdown },
          ...assets.map((a) => ({ name: `${assetsDir}/${a.name}`, data: a.data })),
        ],
      };
    }
  }
}
