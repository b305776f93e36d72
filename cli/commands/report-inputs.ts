// What `faultline report` reads: the flags checked before any data file is opened (output format,
// canary inputs, filter, pins, guardrails and notes files), then the inputs opened into the
// investigation's spec, and each input file described (rows, format, SHA-256) for the report.
import path from 'node:path';
import type { CanaryGuardrails } from '../../shared/analyses/canary/canary-guardrails.ts';
import { checkedCohortFilter } from '../../shared/analyses/cohort-source.ts';
import type { WindowUnit } from '../../shared/analyses/windows.ts';
import type { Engine, Progress } from '../../shared/engine/engine.ts';
import { FaultlineError } from '../../shared/errors.ts';
import {
  INVESTIGATION_SECTIONS,
  type InvestigationSection,
  type InvestigationSpec,
  type Pin,
} from '../../shared/investigation/investigation.ts';
import type { ReportInput } from '../../shared/report/report-model.ts';
import { parseWhere } from '../../shared/sql/parse-where.ts';
import type { Predicate } from '../../shared/sql/predicate.ts';
import { choiceFlag, openOptions, threshold, windowUnit, withFlag } from '../args.ts';
import { readFlagFile } from '../flag-file.ts';
import { sha256File } from '../../shared/workspace/file-hash.node.ts';
import { readGuardrailsFile } from '../guardrails-file.ts';
import { openInput, type OpenedDataset } from '../open-dataset.ts';
import { canaryInputs, type CanaryInputs, type CanaryInputValues } from './canary-inputs.ts';

export type ReportFormat = 'html' | 'md' | 'json';

const FORMATS: Record<string, ReportFormat> = { '.html': 'html', '.md': 'md', '.json': 'json' };

interface ReportValues extends CanaryInputValues {
  out?: string | undefined;
  reference?: string | undefined;
  current?: string | undefined;
  where?: string | undefined;
  window?: string | undefined;
  threshold?: string | undefined;
  guardrails?: string | undefined;
  notes?: string | undefined;
  title?: string | undefined;
  pin?: string[] | undefined;
  only?: string | undefined;
}

/** Everything the flags ask for, checked; no data file opened yet. */
export interface ReportRequest {
  out: string;
  format: ReportFormat;
  reference: string | null;
  current: string;
  canary: CanaryInputs | null;
  where: { text: string; predicates: Predicate[] } | null;
  window: WindowUnit | undefined;
  threshold: number | undefined;
  guardrails: { file: string; value: CanaryGuardrails } | null;
  notes: { file: string; text: string } | null;
  title: string | undefined;
  pins: Pin[];
  /** --only: the analyses to run (all when not given). */
  sections: InvestigationSection[] | undefined;
}

const usageError = (what: string) =>
  new FaultlineError({
    code: 'bad_argument',
    message: `report: ${what}; usage: faultline report --reference R --current C --out FILE.html|.md|.json (--help for more)`,
  });

/** The report's format, from --out's extension. */
function outputFormat(out: string | undefined): ReportFormat {
  if (out === undefined) throw usageError('missing --out');
  const ext = path.extname(out).toLowerCase();
  const format = FORMATS[ext];
  if (format !== undefined) return format;
  throw new FaultlineError({
    code: 'bad_argument',
    message: `--out ${out}: the format comes from the extension: .html, .md or .json, not ${ext === '' ? 'none' : `'${ext}'`}`,
  });
}

/** The flags checked, and the small files (guardrails, notes) read, before any data file. */
export function reportRequest(values: ReportValues, positionals: readonly string[]): ReportRequest {
  if (positionals.length > 0) throw usageError(`unexpected argument '${positionals[0] ?? ''}'`);
  const format = outputFormat(values.out);
  if (values.current === undefined) throw usageError('missing --current');
  const sides = ['baseline', 'canary', 'log', 'baseline-version', 'canary-version'] as const;
  const canary = sides.some((f) => values[f] !== undefined) ? canaryInputs(values, []) : null;
  const pins = (values.pin ?? []).map((text) => ({
    kind: 'slice' as const,
    name: text.trim(),
    predicates: withFlag('--pin', () => parseWhere(text)),
  }));
  return {
    out: values.out ?? '',
    format,
    reference: values.reference ?? null,
    current: values.current,
    canary,
    where:
      values.where === undefined
        ? null
        : { text: values.where, predicates: parseWhere(values.where) },
    window: windowUnit(values.window),
    threshold: values.threshold === undefined ? undefined : threshold(values),
    guardrails:
      values.guardrails === undefined
        ? null
        : { file: values.guardrails, value: readGuardrailsFile(values.guardrails) },
    notes:
      values.notes === undefined
        ? null
        : { file: values.notes, text: readFlagFile('--notes', values.notes, 'a text file') },
    title: values.title,
    pins,
    sections: values.only === undefined ? undefined : sectionList(values.only),
  };
}

/** `--only drift,performance`: investigation sections, each checked. */
function sectionList(text: string): InvestigationSection[] {
  const pieces = text.split(',').map((p) => p.trim());
  return pieces.flatMap((piece) => {
    const section = choiceFlag('--only', piece, INVESTIGATION_SECTIONS);
    return section === undefined ? [] : [section];
  });
}

/** The paths the user named as inputs (data, guardrails, notes), as given. */
export function namedInputs(request: ReportRequest): string[] {
  const c = request.canary;
  return [
    ...(request.reference !== null ? [request.reference] : []),
    request.current,
    ...(c === null ? [] : c.kind === 'files' ? [c.baseline, c.canary] : [c.log]),
    ...(request.guardrails ? [request.guardrails.file] : []),
    ...(request.notes ? [request.notes.file] : []),
  ];
}

/** An opened input and the role it plays in the report. */
export interface ReportDataset {
  role: 'reference' | 'current' | 'baseline' | 'canary' | 'canary log';
  opened: OpenedDataset;
}

/** Opens every data input with the role flags, checks --where on each, and builds the spec. */
export async function openReportInputs(
  engine: Engine,
  request: ReportRequest,
  values: Parameters<typeof openOptions>[0],
  onProgress: (p: Progress) => void,
): Promise<{ spec: InvestigationSpec; datasets: ReportDataset[] }> {
  const opts = openOptions(values);
  const datasets: ReportDataset[] = [];
  const open = async (role: ReportDataset['role'], flag: string, input: string) => {
    const opened = await openInput(engine, flag, input, opts, onProgress);
    datasets.push({ role, opened });
    return opened.schema;
  };
  const reference =
    request.reference === null ? null : await open('reference', 'reference', request.reference);
  const current = await open('current', 'current', request.current);
  const c = request.canary;
  const canary: InvestigationSpec['canary'] =
    c === null
      ? undefined
      : c.kind === 'files'
        ? {
            kind: 'files',
            baseline: await open('baseline', 'baseline', c.baseline),
            canary: await open('canary', 'canary', c.canary),
          }
        : {
            kind: 'model_column',
            log: await open('canary log', 'log', c.log),
            ...(c.model !== undefined ? { column: c.model } : {}),
            baseline: c.baselineVersion,
            canary: c.canaryVersion,
          };
  const where = withFlag('--where', () =>
    checkedCohortFilter(
      request.where?.predicates ?? [],
      datasets.map((d) => [d.role, d.opened.schema] as const),
    ),
  );
  const spec: InvestigationSpec = {
    reference,
    current,
    ...(canary !== undefined ? { canary } : {}),
    where,
    window: request.window ?? 'auto',
    ...(request.threshold !== undefined ? { threshold: request.threshold } : {}),
    ...(request.guardrails ? { guardrails: request.guardrails.value } : {}),
    pinned: request.pins,
    ...(request.sections !== undefined ? { sections: request.sections } : {}),
  };
  return { spec, datasets };
}

/** Every file read, one entry each (a folder or glob gives several), with its SHA-256. */
export async function describeInputs(
  datasets: readonly ReportDataset[],
  request: ReportRequest,
): Promise<ReportInput[]> {
  const files = datasets.flatMap(({ role, opened }) =>
    opened.dataset.files.map((f) => ({
      role,
      file: f.name,
      rows: f.rows as number | null,
      format: `${f.format}${f.gzip ? '.gz' : ''}` as string | null,
    })),
  );
  const small = [
    ...(request.guardrails ? [{ role: 'guardrails', file: request.guardrails.file }] : []),
    ...(request.notes ? [{ role: 'notes', file: request.notes.file }] : []),
  ].map((s) => ({ ...s, rows: null, format: null }));
  return Promise.all(
    [...files, ...small].map(async (f) => ({
      role: f.role,
      name: path.basename(f.file),
      path: f.file,
      sha256: await sha256File(f.file),
      rows: f.rows,
      format: f.format,
    })),
  );
}
