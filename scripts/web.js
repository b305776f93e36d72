#!/usr/bin/env node
// `npm run web [-- --port N]`: builds the renderer and serves it at http://127.0.0.1:5173 (or N),
// the same files Electron loads, for a plain browser.
import { parseArgs } from 'node:util';
import { build, preview } from 'vite';

const { values } = parseArgs({ options: { port: { type: 'string', default: '5173' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`web: --port must be a port number, not ${values.port}`);
  process.exit(2);
}
await build({ logLevel: 'warn' });
await preview({ preview: { port, strictPort: true, host: '127.0.0.1' } });
console.log(
  `Faultline is at http://127.0.0.1:${port}/ (the bundled sample: ?open=sample). Ctrl+C stops it.`,
);
