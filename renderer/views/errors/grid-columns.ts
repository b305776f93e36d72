// The Errors grid's columns from a page: the row, its outcome, then the log's own columns. Pure.
import type { ErrorsPageColumn } from '../../../shared/analyses/errors/errors-result.ts';
import type { ErrorsTask } from '../../../shared/analyses/errors/errors-spec.ts';

/** One column of the grid. */
export interface GridColumn {
  /** 'row', 'label', 'predicted', 'confidence', 'error', or 'value:<name>' for a log column. */
  id: string;
  header: string;
  /** What the column holds, for the header's tooltip. */
  title: string;
  /** Fixed width in pixels: rows are laid out alike whatever page they come from. */
  width: number;
  /** What a click on the header sorts by (ErrorsSort.by); null: not sortable. */
  sortBy: string | null;
  numeric: boolean;
  /** A log column's name, kind and role (value columns only). */
  column: ErrorsPageColumn | null;
}

/** A header needs about this many pixels per character, plus room for the sort arrow. */
const headerWidth = (text: string) => Math.ceil(text.length * 7.5) + 30;

function valueWidth(c: ErrorsPageColumn): number {
  if (c.role === 'id') return 120;
  if (c.kind === 'datetime') return 170;
  if (c.kind === 'numeric') return 100;
  return 130;
}

const named = (columns: readonly ErrorsPageColumn[], role: string) =>
  columns.find((c) => c.role === role)?.name ?? null;

/** Whether rows carry a confidence: a score column, and a task that gives one (not regression). */
export function hasConfidence(task: ErrorsTask, columns: readonly ErrorsPageColumn[]): boolean {
  return task !== 'regression' && named(columns, 'score') !== null;
}

/**
 * Row, label, predicted, then confidence (a score to rank by) or error (regression: for a wrong
 * binary row the error |y - score| equals the confidence, so it is not shown twice), then the
 * log's id, time, score and features as the page lists them. The label and prediction columns
 * are the outcome's own and not repeated.
 */
export function gridColumns(task: ErrorsTask, columns: readonly ErrorsPageColumn[]): GridColumn[] {
  const label = named(columns, 'label');
  const prediction = named(columns, 'prediction');
  const out: GridColumn[] = [
    {
      id: 'row',
      header: 'Row',
      title: 'The row in the log, numbered from 0 in load order',
      // Room for nine digits: a row of a log of hundreds of millions.
      width: 100,
      sortBy: null,
      numeric: true,
      column: null,
    },
    {
      id: 'label',
      header: 'Label',
      title: label === null ? 'The true label' : `The true label (${label})`,
      width: Math.max(90, headerWidth('Label')),
      sortBy: label,
      numeric: false,
      column: null,
    },
    {
      id: 'predicted',
      header: 'Predicted',
      title:
        prediction === null
          ? 'The label the score predicts at the threshold'
          : `The logged prediction (${prediction})`,
      width: headerWidth('Predicted'),
      sortBy: prediction,
      numeric: false,
      column: null,
    },
  ];
  if (hasConfidence(task, columns)) {
    out.push({
      id: 'confidence',
      header: 'Confidence',
      title: 'How sure the model was of the class it predicted (its probability)',
      width: 150,
      sortBy: 'confidence',
      numeric: true,
      column: null,
    });
  }
  if (task === 'regression') {
    out.push({
      id: 'error',
      header: 'Error',
      title: 'The absolute error |prediction − label|',
      width: 100,
      sortBy: 'error',
      numeric: true,
      column: null,
    });
  }
  for (const c of columns) {
    if (c.role === 'label' || c.role === 'prediction') continue;
    out.push({
      id: `value:${c.name}`,
      header: c.name,
      title: `${c.name}: ${c.role === 'feature' ? `${c.kind} feature` : c.role}`,
      width: Math.max(valueWidth(c), headerWidth(c.name)),
      sortBy: c.name,
      numeric: c.kind === 'numeric',
      column: c,
    });
  }
  return out;
}

/** The CSS grid-template-columns of a row: every column at its fixed width. */
export function gridTemplate(columns: readonly GridColumn[]): string {
  return columns.map((c) => `${c.width}px`).join(' ');
}

/** The width of a row, for the horizontal scroll. */
export function gridWidth(columns: readonly GridColumn[]): number {
  return columns.reduce((sum, c) => sum + c.width, 0);
}
