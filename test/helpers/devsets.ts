import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Profile } from '../../src/profile/schema.js';

/** The labelled dev sets in ../shared/eval, beside the checkout (as in CI). */
export const EVAL_DIR = resolve(import.meta.dirname, '../../../shared/eval');
export const SOURCES_DIR = resolve(import.meta.dirname, '../../../shared/knowledge-sources');
export const devSetsPresent = existsSync(resolve(EVAL_DIR, 'scenarios.dev.jsonl'));

export interface Scenario {
  id: string;
  text: string;
  expected: string;
  acceptable: string[];
}
export interface ProfileCase {
  id: string;
  profile: Profile;
  stated: string[];
}
export interface WhyCase {
  id: string;
  question: string;
  gold: { file: string; quote: string }[];
}

function readJsonl<T>(name: string): T[] {
  return readFileSync(resolve(EVAL_DIR, name), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

export const scenarios = () => readJsonl<Scenario>('scenarios.dev.jsonl');
export const profileCases = () => readJsonl<ProfileCase>('profiles.dev.jsonl');
export const whyCases = () => readJsonl<WhyCase>('why.dev.jsonl');

export const acceptable = (scenario: Scenario, recommendation: string | undefined) =>
  recommendation === scenario.expected || scenario.acceptable.includes(recommendation ?? '');

/** Every run of `length` consecutive words (the whole text when shorter): shared runs show copied wording. */
export function wordRuns(text: string, length: number): string[] {
  const words = text.toLowerCase().replace(/[‘’]/g, "'").match(/[a-z0-9']+/g) ?? [];
  if (words.length < length) return [words.join(' ')];
  return words.slice(length - 1).map((_, index) => words.slice(index, index + length).join(' '));
}
