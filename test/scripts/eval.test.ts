import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { devSetsPresent } from '../helpers/devsets.js';

const ROOT = resolve(import.meta.dirname, '../..');
const figures = (...args: string[]) => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/eval.ts', '--json', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH ?? '' } });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
};

describe.runIf(devSetsPresent)('npm run eval', () => {
  it('meets the dev-set targets and keeps every figure in language-model mode (fake server)', () => {
    const deterministic = figures();
    expect(Number(deterministic.oneShotAccuracy)).toBeGreaterThanOrEqual(0.9);
    expect(Number((deterministic.extraction as Record<string, string>).f1)).toBeGreaterThanOrEqual(0.85);
    expect(Number((deterministic.dialogue as Record<string, string>).accuracy)).toBeGreaterThanOrEqual(0.95);
    expect(Number((deterministic.dialogue as Record<string, string>).meanQuestions)).toBeLessThanOrEqual(3);
    expect(Number((deterministic.retrieval as Record<string, string>).verbatimRate)).toBe(1);
    const withModel = figures('--llm');
    const { sets: _a, ...det } = deterministic;
    const { sets: _b, ...llm } = withModel;
    expect(llm).toEqual(det);
  });
});
