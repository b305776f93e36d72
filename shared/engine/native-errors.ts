import { FaultlineError } from '../errors.ts';
import { isOutOfMemory } from './out-of-memory.ts';

/**
 * Out of memory in native DuckDB: unlike DuckDB-WASM it may use most of the machine's memory and
 * spill to disk, so what did not fit is work that cannot spill (or a full disk).
 */
export function nativeOutOfMemoryError(message: string): FaultlineError {
  const used = /\(([\d.]+ \w+)\/([\d.]+ \w+) used\)/.exec(message);
  const detail = used ? ` (${used[1]} of ${used[2]} in use)` : '';
  return new FaultlineError({
    code: 'out_of_memory',
    message: `out of memory${detail}: native DuckDB reached its memory limit even spilling to disk; close other programs or open fewer rows`,
  });
}

/**
 * A native DuckDB error as the core's error: `cancelled` when the query was interrupted for an
 * abort, `out_of_memory`, or `engine` with DuckDB's text. `privatePrefix` (the engine's own
 * folder of registered files) is taken out of messages, so they name files as registered.
 */
export function nativeEngineError(
  e: unknown,
  opts: { aborted: boolean; privatePrefix: string },
): FaultlineError {
  if (e instanceof FaultlineError) return e;
  const raw = e instanceof Error ? e.message : String(e);
  const message = raw.split(opts.privatePrefix).join('');
  if (opts.aborted && /INTERRUPT|Interrupted/i.test(message)) {
    return new FaultlineError({ code: 'cancelled', message: 'cancelled' });
  }
  if (isOutOfMemory(message)) return nativeOutOfMemoryError(message);
  return new FaultlineError({ code: 'engine', message });
}
