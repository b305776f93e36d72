import { FaultlineError } from '../errors.ts';
import type { CancelSignal } from './engine.ts';

/** Throws the core's `cancelled` error when the signal has fired. */
export function throwIfAborted(signal: CancelSignal | undefined): void {
  if (signal?.aborted) {
    throw new FaultlineError({ code: 'cancelled', message: 'cancelled' });
  }
}
