/// <reference lib="webworker" />
// The analysis worker: DuckDB and the whole analysis core run here, so the UI thread only draws.
import { cachingEngine } from '../../shared/engine/query-cache.ts';
import { browserCodecs } from './browser-codecs.ts';
import { answerGlobalLookupWithoutEval } from './global-without-eval.ts';
import { createBrowserEngine } from './duckdb-browser.ts';
import { workerMethods } from './worker-methods.ts';
import { serveWorkerMethods } from './worker-host.ts';
import { yieldingEngine } from './yield-to-messages.ts';

declare const self: DedicatedWorkerGlobalScope;

answerGlobalLookupWithoutEval(globalThis);

// The cache sits outside the yields: a repeated read is answered at once, its cancel checked.
serveWorkerMethods(
  self,
  createBrowserEngine().then((engine) =>
    workerMethods(cachingEngine(yieldingEngine(engine)), browserCodecs),
  ),
);
