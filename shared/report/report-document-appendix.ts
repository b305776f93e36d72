// The report's last sections: the rows that illustrate the failure, the analyst's notes, and the
// exact inputs and parameters, so that someone else can reproduce every number.
import { skippedBlock, type Block, type DocumentSection } from './report-blocks.ts';
import { DASH, formatCell, formatCount, formatNumber, formatPercent } from './report-format.ts';
import type { JsonValue, ReportModel } from './report-model.ts';

function examplesSection(model: ReportModel): DocumentSection {
  const e = model.examples;
  const title = 'Rows that illustrate it';
  if (!e.shown) return { id: 'examples', title, blocks: [skippedBlock(e.reason)] };
  const regression = e.task === 'regression';
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: regression
        ? `The ${e.rows.length} rows with the largest errors, of ${formatCount(e.total)} rows with a known error.`
        : `The ${e.rows.length} most confident errors, of ${formatCount(e.total)} mispredictions in ` +
          `${formatCount(e.rows_in_scope)} rows (${formatPercent(e.rows_in_scope > 0 ? e.total / e.rows_in_scope : null)}).`,
    },
  ];
  if (e.rows.length > 0) {
    blocks.push({
      kind: 'table',
      columns: [
        ...e.columns.slice(0, 1).map((title) => ({ title })),
        { title: 'Label' },
        { title: 'Predicted' },
        { title: regression ? 'Error' : 'Confidence', numeric: true },
        ...e.columns.slice(1).map((title) => ({ title })),
      ],
      rows: e.rows.map((r) => {
        const cells = e.columns.map((c) => formatCell(r.values[c]));
        return [
          ...cells.slice(0, 1),
          formatCell(r.label),
          formatCell(r.predicted),
          formatNumber(regression ? r.error : r.confidence, 4),
          ...cells.slice(1),
        ];
      }),
    });
  }
  return { id: 'examples', title, blocks };
}

function notesSection(model: ReportModel): DocumentSection {
  const text = model.notes.trim();
  return {
    id: 'notes',
    title: "Analyst's notes",
    blocks: [
      text === '' ? { kind: 'paragraph', text: 'No notes.', muted: true } : { kind: 'notes', text },
    ],
  };
}

/** A parameter for people: text as it is, anything else as JSON. */
const parameterText = (v: JsonValue): string =>
  v === null ? DASH : typeof v === 'string' ? v : JSON.stringify(v);

function inputsSection(model: ReportModel): DocumentSection {
  const blocks: Block[] = [
    {
      kind: 'table',
      columns: [
        { title: 'Role' },
        { title: 'File', code: true },
        { title: 'Rows', numeric: true },
        { title: 'Format' },
        { title: 'SHA-256', code: true },
      ],
      rows: model.inputs.map((i) => [
        i.role,
        i.path ?? i.name,
        formatCount(i.rows),
        i.format ?? DASH,
        i.sha256 ?? DASH,
      ]),
    },
  ];
  const parameters = Object.entries(model.parameters);
  if (parameters.length > 0) {
    blocks.push({ kind: 'subheading', text: 'Parameters' });
    blocks.push({
      kind: 'table',
      columns: [{ title: 'Parameter' }, { title: 'Value' }],
      rows: parameters.map(([k, v]) => [k, parameterText(v)]),
    });
  }
  if (model.skipped.length > 0) {
    blocks.push({ kind: 'subheading', text: 'Analyses not run' });
    blocks.push({ kind: 'list', items: model.skipped.map((s) => `${s.section}: ${s.reason}`) });
  }
  blocks.push({
    kind: 'paragraph',
    muted: true,
    text:
      `Generated ${model.generated_at}` +
      (model.faultline_version !== null ? ` by Faultline ${model.faultline_version}` : '') +
      '. The JSON form of this report holds every number above unrounded.',
  });
  return { id: 'inputs', title: 'Inputs and parameters', blocks };
}

/** Example rows, notes, and the inputs. */
export function appendixSections(model: ReportModel): DocumentSection[] {
  return [examplesSection(model), notesSection(model), inputsSection(model)];
}
