import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createNodeEngine } from '../../../shared/engine/duckdb.node.ts';
import type { DataSource, Engine } from '../../../shared/engine/engine.ts';
import { loadDataset } from '../../../shared/engine/load-dataset.ts';
import { dataSourceFromPath, nodeCodecs } from '../../../shared/engine/node-sources.node.ts';
import type { ColumnShape } from '../../../shared/schema/column-shape.ts';
import { columnShapes } from '../../../shared/schema/column-shapes.ts';
import { inferSchema, type SchemaOverrides } from '../../../shared/schema/dataset-schema.ts';
import type { DatasetSide, OpenDataset } from '../../store/datasets-slice.ts';

export const trainingCsv = 'samples/data/training.csv';
export const productionCsv = 'samples/data/production.csv';

let opened = 0;

/**
 * For a test file: a Node engine started before its tests (closed after), with the bundled
 * training log opened as the reference, sparklines binned, as the app would show it.
 */
export function withTrainingSample(): { engine(): Engine; training(): OpenDataset } {
  let engine: Engine | null = null;
  let training: OpenDataset | null = null;
  beforeAll(async () => {
    engine = await createNodeEngine();
    const dataset = await openSampleFile(engine, trainingCsv, 'reference');
    training = {
      ...dataset,
      shapes: await columnShapes(engine, dataset.loaded.table, dataset.schema.columns),
    };
  });
  afterAll(async () => {
    await engine?.close();
  });
  const ready = <T>(value: T | null): T => {
    if (value === null) throw new Error('withTrainingSample: used outside a test');
    return value;
  };
  return { engine: () => ready(engine), training: () => ready(training) };
}

/**
 * A bundled sample file opened as the app opens it (the Node engine, real inference), for tests
 * that render what a user would see. Paths are relative to the repository root (vitest's root).
 */
export async function openSampleFile(
  engine: Engine,
  file: string,
  side: DatasetSide,
  shapes: Record<string, ColumnShape> = {},
  overrides: SchemaOverrides = {},
): Promise<OpenDataset> {
  return openSource(engine, await dataSourceFromPath(file), side, shapes, overrides);
}

/** CSV text opened the same way, for datasets with planted problems. */
export async function openCsvText(
  engine: Engine,
  name: string,
  text: string,
  side: DatasetSide,
): Promise<OpenDataset> {
  const bytes = new TextEncoder().encode(text);
  const source: DataSource = {
    displayName: name,
    size: bytes.length,
    handle: { kind: 'bytes', bytes },
    readRange: async (start, end) => bytes.subarray(start, end),
  };
  return openSource(engine, source, side, {});
}

async function openSource(
  engine: Engine,
  source: DataSource,
  side: DatasetSide,
  shapes: Record<string, ColumnShape>,
  overrides: SchemaOverrides = {},
): Promise<OpenDataset> {
  const loaded = await loadDataset(engine, [source], {
    // A fresh table each time, so one engine can open the same side twice.
    tableName: `t_${side}_${++opened}`,
    codecs: nodeCodecs(),
  });
  const schema = await inferSchema(engine, loaded, overrides);
  const name = path.basename(source.displayName);
  // Not the file's real hash: no test of a view reads it (the workspace tests hash their own).
  const sources = [{ name, size: source.size, sha256: '0'.repeat(64), fileId: null }];
  return { id: side, name, side, loaded, schema, shapes, sources };
}

/** A sample CSV read plainly (no quoting in the samples), as the tests' independent answer. */
export async function readSampleCsv(file: string): Promise<{ header: string[]; rows: string[][] }> {
  const [first = '', ...lines] = (await readFile(file, 'utf8')).trimEnd().split('\n');
  return { header: first.split(','), rows: lines.map((line) => line.split(',')) };
}

/** The `<tr>` of one column in rendered markup, found by its row header. */
export function rowOf(html: string, column: string): string {
  const header = `<th scope="row" class="column-name">${column}</th>`;
  const at = html.indexOf(header);
  if (at < 0) throw new Error(`no row for ${column}`);
  return html.slice(html.lastIndexOf('<tr', at), html.indexOf('</tr>', at) + 5);
}

/** Text as React writes it into markup, to find messages in rendered HTML. */
export function asHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#x27;');
}
