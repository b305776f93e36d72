// `--engine wasm|native`: which DuckDB runs a command. Global, so main.ts takes it out of argv
// before a command parses its own flags.
import { FaultlineError } from '../shared/errors.ts';
import { createNodeEngine } from '../shared/engine/duckdb.node.ts';
import type { Engine } from '../shared/engine/engine.ts';
import { choiceFlag } from './args.ts';

export const engineKinds = ['wasm', 'native'] as const;
export type EngineKind = (typeof engineKinds)[number];

/** The help text of the global options, printed under each command's usage and the main one. */
export const engineUsage = `global options:
  --engine wasm|native   wasm (default): DuckDB-WASM, the app's engine, up to about 3 GiB of data;
                         native: DuckDB on every core, spilling to a temporary folder, for logs
                         larger than memory. Both give the same results (floating-point sums
                         may differ in their last digits: native DuckDB adds in parallel).`;

/**
 * Takes `--engine X` / `--engine=X` out of `argv` (anywhere before a `--`; the last one wins).
 * A missing or unknown value is bad usage naming the choices.
 */
export function takeEngineFlag(argv: readonly string[]): { engine: EngineKind; rest: string[] } {
  const rest: string[] = [];
  let engine: EngineKind = 'wasm';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    let value: string | undefined;
    if (arg.startsWith('--engine=')) value = arg.slice('--engine='.length);
    else if (arg === '--engine') {
      value = argv[++i];
      if (value === undefined || value.startsWith('--')) {
        throw new FaultlineError({
          code: 'bad_argument',
          message: `--engine needs a value: ${engineKinds.join(' or ')}`,
        });
      }
    } else {
      rest.push(arg);
      continue;
    }
    engine = choiceFlag('--engine', value, engineKinds, engineKinds.join(' or ')) ?? engine;
  }
  return { engine, rest };
}

/**
 * Starts the chosen engine. The native binding is imported only here, on first use, so a WASM
 * run never loads it; when it cannot load (no binary for this platform), the error says so.
 */
export async function startEngine(kind: EngineKind): Promise<Engine> {
  if (kind === 'wasm') return createNodeEngine();
  let native: typeof import('../shared/engine/duckdb-native.node.ts');
  try {
    native = await import('../shared/engine/duckdb-native.node.ts');
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
    throw new FaultlineError({
      code: 'engine',
      message: `--engine native: native DuckDB (@duckdb/node-api) could not be loaded on this machine (${reason}); use --engine wasm`,
    });
  }
  return native.createNativeEngine();
}
