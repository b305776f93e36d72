import { afterAll, beforeAll, expect, it } from 'vitest';
import { createNodeEngine } from './duckdb.node.ts';
import type { Engine } from './engine.ts';
import { loadDataset } from './load-dataset.ts';
import { nodeCodecs } from './node-sources.node.ts';
import { raw } from '../sql/sql.ts';

let engine: Engine;

beforeAll(async () => {
  engine = await createNodeEngine();
  // A tiny limit stands in for the ~3 GiB that DuckDB-WASM can address at most.
  await engine.query(raw("SET memory_limit = '16MB'"));
});
afterAll(async () => {
  await engine.close();
});

it('a file that does not fit in memory is out_of_memory, naming the file, not a malformed file', async () => {
  const rows = ['id,text'];
  for (let i = 0; i < 400_000; i++) rows.push(`${i},row number ${i} with some text to take room`);
  const bytes = new TextEncoder().encode(rows.join('\n') + '\n');
  const source = {
    displayName: 'big.csv',
    size: bytes.length,
    handle: { kind: 'bytes' as const, bytes },
    readRange: async (a: number, b: number) => bytes.subarray(a, b),
  };
  await expect(
    loadDataset(engine, [source], { tableName: 'big', codecs: nodeCodecs() }),
  ).rejects.toMatchObject({
    code: 'out_of_memory',
    file: 'big.csv',
    message: expect.stringMatching(/^big\.csv: out of memory .*DuckDB-WASM can use about 3 GiB/),
  });
});
