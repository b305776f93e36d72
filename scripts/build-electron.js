#!/usr/bin/env node
// Bundles Electron's main process and preload into dist/electron (electron/bundle.ts says how);
// `npm start` runs the same build before it launches the window.
import { register } from 'tsx/esm/api';

register();
const { buildElectron, ELECTRON_OUT_DIR } = await import('../electron/bundle.ts');
await buildElectron();
console.log(`faultline: built ${ELECTRON_OUT_DIR}`);
