import { processTerm, tokenize } from './search.js';

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

/** "Here are some best practices:" announces a list; quoted alone it says nothing. */
const LEAD_IN = /:\s*$/;

function termsOf(text: string): Set<string> {
  return new Set(tokenize(text).flatMap((word) => processTerm(word) ?? []));
}

/**
 * The sentence of a passage that best answers the question: most question terms, then the earlier one.
 * Always an exact substring of the passage text.
 */
export function bestQuote(passageText: string, question: string): string {
  const wanted = termsOf(question);
  let best = '';
  let bestScore = -1;
  const sentences = sentencesOf(passageText);
  // Fragments and list lead-ins are quoted only when the passage has nothing else.
  const quotable = sentences.filter((sentence) => sentence.length >= 25 && !LEAD_IN.test(sentence));
  for (const sentence of quotable.length > 0 ? quotable : sentences) {
    const terms = termsOf(sentence);
    let score = 0;
    for (const term of wanted) if (terms.has(term)) score += 1;
    const lengthPenalty = sentence.length > 320 ? 0.5 : 0;
    if (score - lengthPenalty > bestScore) {
      best = sentence;
      bestScore = score - lengthPenalty;
    }
  }
  return best || passageText.slice(0, 300);
}
