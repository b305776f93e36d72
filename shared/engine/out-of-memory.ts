import { FaultlineError } from '../errors.ts';

/** DuckDB's out-of-memory message, e.g. "could not allocate block … (3.1 GiB/3.1 GiB used)". */
export function isOutOfMemory(message: string): boolean {
  return /Out of Memory|could not allocate/i.test(message);
}

/**
 * The error for work that did not fit: DuckDB-WASM addresses at most about 3 GiB, whatever the
 * machine has, so the message says so instead of blaming the file.
 */
export function outOfMemoryError(message: string, file?: string): FaultlineError {
  const used = /\(([\d.]+ \w+)\/([\d.]+ \w+) used\)/.exec(message);
  const detail = used ? ` (${used[1]} of ${used[2]} in use)` : '';
  return new FaultlineError({
    code: 'out_of_memory',
    ...(file !== undefined ? { file } : {}),
    message: `${file !== undefined ? `${file}: ` : ''}out of memory${detail}: DuckDB-WASM can use about 3 GiB; close other datasets or open fewer rows`,
  });
}
