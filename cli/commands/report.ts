import path from 'node:path';
import { version } from '../../package.json';
import type { Engine } from '../../shared/engine/engine.ts';
import { FaultlineError } from '../../shared/errors.ts';
import { summarizeFindings } from '../../shared/investigation/findings-summary.ts';
import { findingsOf } from '../../shared/investigation/findings.ts';
import { runInvestigation } from '../../shared/investigation/run-investigation.ts';
import { renderReportHtml } from '../../shared/report/render-html.ts';
import { renderReportMarkdown } from '../../shared/report/render-markdown.ts';
import { buildReport, type JsonValue, type ReportModel } from '../../shared/report/report-model.ts';
import { writeOutputs, type OutputFile } from '../../shared/report/write-atomic.node.ts';
import { parse, roleOptions, schemaOverrides } from '../args.ts';
import type { CommandOutput } from '../command.ts';
import { exitCodes } from '../exit-codes.ts';
import { terminalProgress } from '../progress.ts';
import {
  describeInputs,
  namedInputs,
  openReportInputs,
  reportRequest,
  type ReportFormat,
  type ReportRequest,
} from './report-inputs.ts';

export const reportUsage = `faultline report --reference R --current C --out FILE.html|.md|.json
                [--baseline B --canary C2 | --log L [--model COL] --baseline-version X --canary-version Y]
                [--where "PREDICATES"] [--window day|week|month] [--threshold T] [--guardrails FILE]
                [--pin "PREDICATES"] [--notes FILE] [--title TEXT] [--only SECTIONS] [--json]
                [--label COL] [--score COL] [--prediction COL] [--time COL] [--id COL]
                [--positive VALUE] [--task binary|multiclass|regression]
                [--kind COL=numeric|categorical|datetime|text] [--delimiter C]
  Investigates C (the production log) against R (the reference it was trained or validated on)
  and writes the postmortem: the status and ranked findings, the primary metric over time with
  each finding's onset, the drifted inputs that matter, the worst cohorts and slices, the pinned
  slices (--pin, repeatable), calibration, the canary's verdict (B against C2, or L's versions),
  the most confident errors, the analyst's notes (--notes FILE, text) and the exact inputs (rows,
  SHA-256) and parameters. Its numbers are those of faultline drift, performance, calibration,
  slices and canary for the same inputs.
  The format comes from --out's extension: .html (one self-contained file, charts inline),
  .md (with its charts as .svg files in NAME-files/ beside it) or .json (every number, unrounded).
  Never overwrites an input; writes all files or none. Prints the written paths (--json: {written,
  summary}). --window picks the timeline's windows (default: from the log's time span).
  --only drift,performance runs only those analyses (of drift, performance, cohorts, calibration,
  slices, errors, canary): a quick gate for every deploy; the rest are listed as not asked for.`;

const reportOptions = {
  ...roleOptions,
  out: { type: 'string' },
  reference: { type: 'string' },
  current: { type: 'string' },
  baseline: { type: 'string' },
  canary: { type: 'string' },
  log: { type: 'string' },
  'baseline-version': { type: 'string' },
  'canary-version': { type: 'string' },
  where: { type: 'string' },
  window: { type: 'string' },
  guardrails: { type: 'string' },
  notes: { type: 'string' },
  title: { type: 'string' },
  pin: { type: 'string', multiple: true },
  only: { type: 'string' },
} as const;

/** The files one report is: the document, and for Markdown its charts in `NAME-files/`. */
function reportFiles(model: ReportModel, out: string, format: ReportFormat): OutputFile[] {
  if (format === 'html') return [{ path: out, data: renderReportHtml(model) }];
  if (format === 'json') return [{ path: out, data: `${JSON.stringify(model, null, 2)}\n` }];
  const assetsDir = `${path.basename(out, path.extname(out))}-files`;
  const { markdown, assets } = renderReportMarkdown(model, { assetsDir });
  return [
    { path: out, data: markdown },
    ...assets.map((a) => ({ path: path.join(path.dirname(out), assetsDir, a.name), data: a.data })),
  ];
}

/**
 * A report aimed at an input it names as given fails before the investigation runs; the writer
 * checks again (links, real paths, glob-expanded files) when it writes.
 */
function refuseNamedInputs(request: ReportRequest): void {
  const out = path.resolve(request.out);
  if (namedInputs(request).some((input) => path.resolve(input) === out)) {
    throw new FaultlineError({
      code: 'overwrite_input',
      file: request.out,
      message: `${request.out} is an input file; choose another output path`,
    });
  }
}

/** The options the investigation ran with, as the report records them. */
function parameters(request: ReportRequest, values: Parameters<typeof schemaOverrides>[0]) {
  const c = request.canary;
  const overrides = schemaOverrides(values);
  const canary: JsonValue =
    c === null
      ? null
      : c.kind === 'files'
        ? { kind: 'files' }
        : {
            kind: 'model_column',
            column: c.model ?? null,
            baseline_version: c.baselineVersion,
            canary_version: c.canaryVersion,
          };
  return {
    where: request.where?.text ?? null,
    threshold: request.threshold ?? null,
    window: request.window ?? 'auto',
    canary,
    guardrails: request.guardrails
      ? (JSON.parse(JSON.stringify(request.guardrails.value)) as JsonValue)
      : null,
    pins: request.pins.map((p) => p.name),
    only: request.sections ?? null,
    overrides: JSON.parse(JSON.stringify(overrides)) as JsonValue,
  } satisfies Record<string, JsonValue>;
}

/** `faultline report`: the postmortem as HTML, Markdown (+ charts) or JSON (CLI.md). */
export async function reportCommand(
  engine: () => Promise<Engine>,
  argv: string[],
): Promise<CommandOutput> {
  const { values, positionals } = parse(argv, reportOptions);
  if (values.help) return { text: reportUsage, json: null, exitCode: 0 };
  const request = reportRequest(values, positionals);
  const recorded = parameters(request, values);
  refuseNamedInputs(request);
  const progress = terminalProgress();
  try {
    const e = await engine();
    const { spec, datasets } = await openReportInputs(e, request, values, progress.onProgress);
    const investigation = await runInvestigation(e, spec, {
      onProgress: (p) => progress.onProgress({ ...p, phase: `investigating: ${p.phase}` }),
    });
    const findings = findingsOf(investigation);
    const summary = summarizeFindings(findings, investigation);
    progress.onProgress({ phase: 'hashing the inputs', done: 0 });
    const model = buildReport(investigation, findings, summary, {
      ...(request.title !== undefined ? { title: request.title } : {}),
      generated_at: new Date().toISOString(),
      inputs: await describeInputs(datasets, request),
      parameters: recorded,
      notes: request.notes?.text ?? '',
      pinned: request.pins,
      version,
    });
    const files = reportFiles(model, request.out, request.format);
    const inputs = [
      ...namedInputs(request),
      ...datasets.flatMap((d) => d.opened.dataset.files.map((f) => f.name)),
    ];
    await writeOutputs(files, { inputs });
    const written = files.map((f) => f.path);
    return { text: written.join('\n'), json: { written, summary }, exitCode: exitCodes.ok };
  } finally {
    progress.done();
  }
}
