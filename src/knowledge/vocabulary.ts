import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { KnowledgeError } from './documents.js';

/** Beside the documents: for each passage id, the everyday words and example questions it answers. */
export const VOCABULARY_FILE = 'question-vocabulary.json';

/** An entry is a string of words, or words plus example questions (doc2query style). */
const EntrySchema = z.union([
  z.string(),
  z.object({ words: z.string().default(''), questions: z.array(z.string()).default([]) }).strict(),
]);

const VocabularySchema = z.record(z.string(), EntrySchema);

/** For one passage: everyday words for what it says, and example questions it answers. */
export interface VocabularyEntry {
  words: string;
  questions: readonly string[];
}

/** Passage id → the words and questions written for it. */
export type QuestionVocabulary = Readonly<Record<string, VocabularyEntry>>;

function toEntry(entry: z.infer<typeof EntrySchema>): VocabularyEntry {
  return typeof entry === 'string' ? { words: entry, questions: [] } : entry;
}

/** Everything written for a passage, as one searchable text. */
export function vocabularyText(entry: VocabularyEntry | undefined): string {
  return entry ? [entry.words, ...entry.questions].join('\n') : '';
}

/**
 * People ask "will it still be snappy?" where the documents say "latency": words and questions written
 * for each passage bridge the two. Optional; documents without entries are searched by their text.
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
  if (!parsed.success) throw new KnowledgeError(`${VOCABULARY_FILE}: expected an object of passage id → words, or → { words, questions }`);
  return Object.fromEntries(Object.entries(parsed.data).map(([passageId, entry]) => [passageId, toEntry(entry)]));
}
