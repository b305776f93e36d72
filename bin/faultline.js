#!/usr/bin/env node
// The CLI is TypeScript; tsx compiles it on the fly, so `npx faultline` works right after install.
import { register } from 'tsx/esm/api';

register();
await import('../cli/bin.ts');
