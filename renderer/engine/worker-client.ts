import type { Progress } from '../../shared/engine/engine.ts';
import { FaultlineError } from '../../shared/errors.ts';
import type {
  ArgsOf,
  MethodName,
  ResultOf,
  WorkerRequest,
  WorkerResponse,
} from './worker-protocol.ts';

/** The part of a Worker the client uses; tests pass a fake. */
export interface WorkerPort {
  postMessage(message: WorkerRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

export interface CallOptions {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

/** Calls into the analysis worker as promises; an aborted signal cancels the call there. */
export interface WorkerClient {
  call<M extends MethodName>(method: M, args: ArgsOf<M>, opts?: CallOptions): Promise<ResultOf<M>>;
}

interface PendingCall {
  resolve(value: unknown): void;
  reject(error: FaultlineError): void;
  onProgress?: (progress: Progress) => void;
}

/** A client over a worker running analysis-worker.ts. */
export function createWorkerClient(worker: WorkerPort): WorkerClient {
  let nextId = 1;
  const calls = new Map<number, PendingCall>();

  worker.addEventListener('message', (event) => {
    const message = event.data as WorkerResponse;
    const call = calls.get(message.id);
    if (call === undefined) return;
    if (message.type === 'progress') call.onProgress?.(message.progress);
    else {
      calls.delete(message.id);
      if (message.type === 'result') call.resolve(message.value);
      else call.reject(new FaultlineError(message.error));
    }
  });

  return {
    call(method, args, opts = {}) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        calls.set(id, {
          resolve: resolve as (value: unknown) => void,
          reject,
          onProgress: opts.onProgress,
        });
        const { signal } = opts;
        signal?.addEventListener('abort', () => worker.postMessage({ type: 'cancel', id }), {
          once: true,
        });
        worker.postMessage({ type: 'call', id, method, args });
        if (signal?.aborted) worker.postMessage({ type: 'cancel', id });
      });
    },
  };
}
