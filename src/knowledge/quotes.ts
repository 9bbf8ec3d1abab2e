import { expandQuery } from './expand.js';
import { processTerm, tokenize } from '../text/terms.js';

const SENTENCES = new Intl.Segmenter('en', { granularity: 'sentence' });
const TABLE_RULE = /^\|[\s:|-]+\|$/;

/** Sentences of a passage as exact substrings (list markers and table pipes trimmed off). */
export function sentencesOf(text: string): string[] {
  const sentences: string[] = [];
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    // List markers and a leading bold label ("**Cost**: ") are layout, not part of the sentence.
    const content = line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').replace(/^\*\*[^*]+\*\*:?\s*/, '').trim();
    if (!content) continue;
    if (content.startsWith('|')) {
      // A table's rule line and its header row ("| Aspect | Fine-tuning | RAG |") state nothing.
      const isRule = TABLE_RULE.test(content);
      const isHeader = TABLE_RULE.test(lines[index + 1]?.trim() ?? '');
      if (!isRule && !isHeader) sentences.push(content);
      continue;
    }
    for (const { segment } of SENTENCES.segment(content)) {
      const sentence = segment.trim();
      if (sentence.length > 0) sentences.push(sentence);
    }
  }
  return sentences;
}

/** A Markdown table row's cells, trimmed: "| Cost | Higher |" → ["Cost", "Higher"]. */
export function tableCells(row: string): string[] {
  return row.replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => cell.trim());
}

/**
 * The column names of the table a quoted row belongs to ("Aspect", "Fine-tuning", "RAG"): without them
 * "| Cost | Higher (training) | Lower (inference) |" does not say which method costs more.
 */
export function tableColumns(passageText: string, quote: string): string[] | undefined {
  if (!quote.startsWith('|')) return undefined;
  const lines = passageText.split('\n').map((line) => line.trim());
  const row = lines.indexOf(quote);
  for (let index = row - 1; index > 0; index -= 1) {
    const line = lines[index] ?? '';
    if (!line.startsWith('|')) return undefined;
    if (TABLE_RULE.test(line)) return tableCells(lines[index - 1] ?? '');
  }
  return undefined;
}

/** "Here are some best practices:" announces a list and "So which to use?" asks; quoted alone neither says anything. */
const SAYS_NOTHING = /[:?]\s*$/;
/** Words the question only implies ("how long" → time) count for less than the words it uses. */
const IMPLIED_TERM_WEIGHT = 0.5;
/**
 * What asked questions taught about a sentence (its relative likelihood, best = 1) counts as this many shared
 * words. On 160 questions not learned from, the quoted sentence of a gold passage was the gold quote 51 % of
 * the time by words alone, 73 % at 2, 75 % at 4 and at 8.
 */
const LEARNED_QUOTE_WEIGHT = 4;

function termsOf(text: string): Set<string> {
  return new Set(tokenize(text).flatMap((word) => processTerm(word) ?? []));
}

/**
 * The sentence of a passage that best answers the question: most question terms, plus what asked questions
 * taught about each sentence (`learned`: relative likelihood, best = 1), then the earlier one. Always an
 * exact substring of the passage text.
 */
export function bestQuote(passageText: string, question: string, learned: ReadonlyMap<string, number> | null = null): string {
  const used = termsOf(question);
  const implied = [...termsOf(expandQuery(question))].filter((term) => !used.has(term));
  let best = '';
  let bestScore = -1;
  const sentences = sentencesOf(passageText);
  // Fragments, list lead-ins and questions are quoted only when the passage has nothing else.
  const quotable = sentences.filter((sentence) => sentence.length >= 25 && !SAYS_NOTHING.test(sentence));
  for (const sentence of quotable.length > 0 ? quotable : sentences) {
    const terms = termsOf(sentence);
    let score = 0;
    for (const term of used) if (terms.has(term)) score += 1;
    for (const term of implied) if (terms.has(term)) score += IMPLIED_TERM_WEIGHT;
    score += LEARNED_QUOTE_WEIGHT * (learned?.get(sentence) ?? 0);
    const lengthPenalty = sentence.length > 320 ? 0.5 : 0;
    if (score - lengthPenalty > bestScore) {
      best = sentence;
      bestScore = score - lengthPenalty;
    }
  }
  return best || passageText.slice(0, 300);
}
