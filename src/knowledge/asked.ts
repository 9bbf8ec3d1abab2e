import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { KnowledgeError } from './documents.js';

/** Beside the documents: questions people asked, each with the passages that answer it. */
export const ASKED_QUESTIONS_FILE = 'asked-questions.jsonl';

const AskedQuestionSchema = z
  .object({
    question: z.string().trim().min(1).max(1000),
    passages: z.array(z.string().min(1)).min(1),
    /** The sentences of those passages that answer it, as written there: they teach which one to quote. */
    quotes: z.array(z.string().min(1)).optional(),
  })
  .strict();

export type AskedQuestion = z.infer<typeof AskedQuestionSchema>;

/**
 * One JSON object a line. Optional: without the file, passages are found by their words alone. A broken line
 * stops start-up with the file and line named, so a typo is fixed rather than silently ignored.
 */
export function loadAskedQuestions(directory: string): AskedQuestion[] {
  const path = join(directory, ASKED_QUESTIONS_FILE);
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line, index) => {
      if (line.trim() === '') return [];
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch (error) {
        throw new KnowledgeError(`${ASKED_QUESTIONS_FILE} line ${index + 1}: not valid JSON`, { cause: error });
      }
      const parsed = AskedQuestionSchema.safeParse(raw);
      if (!parsed.success) throw new KnowledgeError(`${ASKED_QUESTIONS_FILE} line ${index + 1}: expected {"question": "...", "passages": ["passage id", ...], "quotes": ["...", ...] (optional)}`);
      return [parsed.data];
    });
}
