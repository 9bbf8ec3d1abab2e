import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];

afterAll(() => {
  for (const directory of made.splice(0)) rmSync(directory, { recursive: true, force: true });
});

/** A fresh directory under the system temp folder, removed when the test file finishes. */
export function tempDir(prefix: string): string {
  const directory = mkdtempSync(join(tmpdir(), `${prefix}-`));
  made.push(directory);
  return directory;
}
