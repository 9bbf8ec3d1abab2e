#!/usr/bin/env node
// Runs the TypeScript CLI directly, so there is no build step to remember.
import { register } from 'tsx/esm/api';

register();
await import('../adapters/cli/main.ts');
