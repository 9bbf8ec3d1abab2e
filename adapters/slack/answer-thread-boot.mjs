// A worker thread does not inherit the parent's TypeScript loader, so it registers tsx before loading its entry.
import { register } from 'tsx/esm/api';

register();
await import('./answer-thread-main.ts');
