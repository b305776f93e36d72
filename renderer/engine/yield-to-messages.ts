import type { Engine } from '../../shared/engine/engine.ts';

/**
 * A blocking engine answers `await` with a microtask, so a worker running query after query
 * never reads its message queue and a cancel request waits for the whole job. Posting to a
 * MessageChannel queues a task, letting pending messages (a cancel) run before the next query.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** The engine with a task boundary before every query and insert, where a cancel can land. */
export function yieldingEngine(engine: Engine): Engine {
  return {
    ...engine,
    async query(q, opts) {
      await nextTask();
      return engine.query(q, opts);
    },
    async insertArrowIpc(tableName, ipc, opts) {
      await nextTask();
      return engine.insertArrowIpc(tableName, ipc, opts);
    },
  };
}
