import { FaultlineError } from '../../shared/errors.ts';
import type { Engine } from '../../shared/engine/engine.ts';
import { parse, roleOptions, schemaOverrides } from '../args.ts';
import { openDataset, type OpenedDataset } from '../open-dataset.ts';
import { renderTable } from '../text-table.ts';
import type { CommandOutput } from '../command.ts';
import { terminalProgress } from '../progress.ts';

export const inspectUsage = `faultline inspect FILE [--label COL] [--score COL] [--prediction COL] [--time COL]
                  [--id COL] [--model COL] [--task binary|multiclass|regression] [--positive VALUE]
                  [--kind COL=numeric|categorical|datetime|text] [--delimiter C] [--json]
  FILE may be a folder or a glob (read as one dataset).`;

/** CLI.md's `inspect` JSON: these keys are a contract; more may be added, none renamed. */
export function inspectJson({ dataset, schema }: OpenedDataset) {
  return {
    rows: schema.rows,
    format: dataset.format,
    files: dataset.files.map((f) => ({
      name: f.name,
      format: f.format,
      gzip: f.gzip,
      bytes: f.bytes,
      rows: f.rows,
    })),
    columns: schema.columns.map((c) => ({
      name: c.name,
      type: c.type,
      kind: c.kind,
      role: c.role,
      nulls: c.nulls,
      distinct: c.distinct,
      null_rate: c.nullRate,
      invalid: c.invalid,
      min: c.min,
      max: c.max,
      role_reason: c.roleReason,
      kind_reason: c.kindReason,
    })),
    task: schema.task,
    task_reason: schema.taskReason,
    positive_label: schema.label?.positive ?? null,
    time_span: schema.timeSpan
      ? { start: iso(schema.timeSpan.start), end: iso(schema.timeSpan.end) }
      : null,
    warnings: schema.warnings.map((w) => ({ code: w.code, column: w.column, message: w.message })),
  };
}

function iso(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.000Z$/, '')
    .replace(/ 00:00:00$/, '');
}

const fmt = new Intl.NumberFormat('en-US');

function inspectText(opened: OpenedDataset): string {
  const j = inspectJson(opened);
  const lines: string[] = [];
  lines.push(
    `${opened.input}: ${fmt.format(j.rows)} rows, ${j.columns.length} columns, ${j.format}${j.files.length > 1 ? ` (${j.files.length} files)` : ''}`,
  );
  lines.push(
    `task: ${j.task ?? 'unknown'} (${j.task_reason})${j.positive_label !== null ? `; positive class = ${j.positive_label}` : ''}`,
  );
  if (j.time_span) lines.push(`time: ${j.time_span.start} to ${j.time_span.end}`);
  lines.push('');
  lines.push(
    renderTable(
      ['column', 'type', 'kind', 'role', 'nulls', 'distinct', 'why this role'],
      j.columns.map((c) => [
        c.name,
        c.type,
        c.kind,
        c.role,
        fmt.format(c.nulls),
        fmt.format(c.distinct),
        c.role_reason,
      ]),
      [false, false, false, false, true, true, false],
    ),
  );
  if (j.warnings.length) {
    lines.push('', `warnings (${j.warnings.length}):`);
    for (const w of j.warnings) lines.push(`  ${w.code.padEnd(22)} ${w.message}`);
  } else {
    lines.push('', 'no warnings');
  }
  return lines.join('\n');
}

/** `faultline inspect FILE`: rows, columns with kind and role (and why), task, warnings. */
export async function inspectCommand(
  engine: () => Promise<Engine>,
  argv: string[],
): Promise<CommandOutput> {
  const { values, positionals } = parse(argv, roleOptions);
  if (values.help) return { text: inspectUsage, json: null, exitCode: 0 };
  const [file] = positionals;
  if (file === undefined || positionals.length !== 1) {
    throw new FaultlineError({
      code: 'bad_argument',
      message: `inspect takes one FILE (a folder or glob for many files); usage:\n${inspectUsage}`,
    });
  }
  const overrides = schemaOverrides(values);
  const progress = terminalProgress();
  try {
    const opened = await openDataset(
      await engine(),
      file,
      { overrides, ...(values.delimiter !== undefined ? { delimiter: values.delimiter } : {}) },
      { onProgress: progress.onProgress },
    );
    return { text: inspectText(opened), json: inspectJson(opened), exitCode: 0 };
  } finally {
    progress.done();
  }
}
