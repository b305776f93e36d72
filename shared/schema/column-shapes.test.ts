import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../engine/duckdb.node.ts';
import type { Engine } from '../engine/engine.ts';
import { loadDataset } from '../engine/load-dataset.ts';
import { columnShapes, shapeBins } from './column-shapes.ts';
import { inferSchema } from './dataset-schema.ts';

describe('columnShapes', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
  });
  afterAll(async () => {
    await engine.close();
  });

  async function shapesOf(select: string) {
    const name = `t${Math.random().toString(36).slice(2)}`;
    const bytes = new TextEncoder().encode(select);
    const source = {
      displayName: `${name}.csv`,
      size: bytes.length,
      readRange: async (s: number, e: number) => bytes.slice(s, e),
      handle: { kind: 'bytes' as const, bytes },
    };
    const codecs = {
      openParquet: () => Promise.reject(new Error('unused')),
      gunzip: () => Promise.reject(new Error('unused')),
      writeParquet: () => Promise.reject(new Error('unused')),
    };
    const loaded = await loadDataset(engine, [source], { tableName: name, codecs });
    const schema = await inferSchema(engine, loaded);
    return columnShapes(engine, name, schema.columns);
  }

  it('counts values into equal-width bins between min and max, max in the last bin', async () => {
    // 0..47 and 47 again: width 2 → two values per bin, the repeated max lands in bin 23.
    const values = [...Array.from({ length: 48 }, (_, i) => i), 47];
    const shapes = await shapesOf(`x,y\n${values.map((v) => `${v},a`).join('\n')}\n`);
    expect(shapes.x?.min).toBe(0);
    expect(shapes.x?.max).toBe(47);
    expect(shapes.x?.counts).toHaveLength(shapeBins);
    expect(shapes.x?.counts.slice(0, 23)).toEqual(new Array(23).fill(2));
    expect(shapes.x?.counts[23]).toBe(3);
    expect(shapes.y).toBeUndefined(); // categorical: its top values are its shape
  });

  it('leaves out nulls and bins time columns by epoch milliseconds', async () => {
    const days = Array.from(
      { length: 30 },
      (_, i) => `2026-01-${String(i + 1).padStart(2, '0')}T00:00:00,${i < 25 ? i * 1.5 : ''}`,
    );
    const shapes = await shapesOf(`event_time,v\n${days.join('\n')}\n`);
    const time = shapes.event_time;
    expect(time?.min).toBe(Date.UTC(2026, 0, 1));
    expect(time?.max).toBe(Date.UTC(2026, 0, 30));
    expect(time?.counts.reduce((a, b) => a + b, 0)).toBe(30);
    expect(shapes.v?.counts.reduce((a, b) => a + b, 0)).toBe(25);
  });
});
