/// <reference lib="webworker" />
// The analysis worker: DuckDB and the whole analysis core run here, so the UI thread only draws.
import { browserCodecs } from './browser-codecs.ts';
import { answerGlobalLookupWithoutEval } from './global-without-eval.ts';
import { createBrowserEngine } from './duckdb-browser.ts';
import { workerMethods } from './worker-methods.ts';
import { serveWorkerMethods } from './worker-host.ts';
import { yieldingEngine } from './yield-to-messages.ts';

declare const self: DedicatedWorkerGlobalScope;

answerGlobalLookupWithoutEval(globalThis);

serveWorkerMethods(
  self,
  createBrowserEngine().then((engine) => workerMethods(yieldingEngine(engine), browserCodecs)),
);
