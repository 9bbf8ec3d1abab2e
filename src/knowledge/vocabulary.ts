import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { KnowledgeError } from './documents.js';

/** Beside the documents: for each passage id, everyday words of the questions that passage answers. */
export const VOCABULARY_FILE = 'question-vocabulary.json';

const VocabularySchema = z.record(z.string(), z.string());

export type QuestionVocabulary = Readonly<Record<string, string>>;

/**
 * People ask "will it still be snappy?" where the documents say "latency": this hand-written list
 * (doc2query style) bridges the two. Optional; documents without entries are searched by their text.
 */
export function loadVocabulary(directory: string): QuestionVocabulary {
  const path = join(directory, VOCABULARY_FILE);
  if (!existsSync(path)) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new KnowledgeError(`${VOCABULARY_FILE}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = VocabularySchema.safeParse(raw);
  if (!parsed.success) throw new KnowledgeError(`${VOCABULARY_FILE}: expected an object of passage id → words`);
  return parsed.data;
}
