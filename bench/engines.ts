import { createNodeEngine } from '../shared/engine/duckdb.node.ts';
import type { Engine } from '../shared/engine/engine.ts';

/** The engines the bench measures: DuckDB-WASM (the app's, and the CLI's default) and native. */
export const ENGINE_KINDS = ['wasm', 'native'] as const;
export type EngineKind = (typeof ENGINE_KINDS)[number];

export const isEngineKind = (s: string): s is EngineKind =>
  (ENGINE_KINDS as readonly string[]).includes(s);

/** What the JSON calls each engine. */
export const ENGINE_NAMES: Record<EngineKind, string> = {
  wasm: 'duckdb-wasm (node blocking build, one thread)',
  native: 'native duckdb (@duckdb/node-api, every core)',
};

/** A fresh engine of `kind`; native DuckDB is loaded only when asked for. */
export async function createBenchEngine(kind: EngineKind): Promise<Engine> {
  if (kind === 'wasm') return createNodeEngine();
  const { createNativeEngine } = await import('../shared/engine/duckdb-native.node.ts');
  return createNativeEngine();
}
