import type { Progress, RunContext } from '../../shared/engine/engine.ts';
import { errorDataOf, FaultlineError } from '../../shared/errors.ts';
import type { WorkerMethodImplementations } from './worker-methods.ts';
import type { WorkerRequest, WorkerResponse } from './worker-protocol.ts';

/** The part of a worker's global scope (or a MessagePort) the host uses. */
export interface HostPort {
  postMessage(message: WorkerResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
}

/**
 * Answers calls from worker-client.ts with `methods`, one at a time in arrival order: the engine
 * has one connection, and DuckDB's own progress reports can then only belong to the running call.
 * A cancel aborts the call's signal, queued or running.
 */
export function serveWorkerMethods(
  port: HostPort,
  methods: Promise<WorkerMethodImplementations>,
): void {
  const pending = new Map<number, AbortController>();
  let queue: Promise<void> = Promise.resolve();

  async function call(id: number, method: WorkerRequest & { type: 'call' }): Promise<void> {
    const signal = pending.get(id)?.signal;
    try {
      if (signal?.aborted) throw new FaultlineError({ code: 'cancelled', message: 'cancelled' });
      const impl = (await methods)[method.method] as (
        a: unknown,
        ctx: RunContext,
      ) => Promise<unknown>;
      const value = await impl(method.args, {
        signal,
        onProgress: (progress: Progress) => port.postMessage({ type: 'progress', id, progress }),
      });
      port.postMessage({ type: 'result', id, value });
    } catch (e) {
      port.postMessage({ type: 'error', id, error: errorDataOf(e) });
    } finally {
      pending.delete(id);
    }
  }

  port.addEventListener('message', (event) => {
    const message = event.data;
    if (message.type === 'cancel') {
      pending.get(message.id)?.abort();
      return;
    }
    pending.set(message.id, new AbortController());
    queue = queue.then(() => call(message.id, message));
  });
}
