import { stemmer } from 'stemmer';
import { eng } from 'stopword';

/** Words that carry no meaning for search or for telling descriptions apart, question words included. */
const STOPWORDS = new Set([...eng, 'also', 'us', 'our', 'we', 'i', 'can', 'do', 'does', 'should', 'would', 'will', 'just', 'why', 'what', 'how', 'which']);

/** Lower-cased words, keeping hyphens and apostrophes inside a word ("fine-tune", "don't"). */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+(?:[-'][a-z0-9]+)*/g) ?? [];
}

/** Stopwords dropped, then Porter-stemmed: "retraining" and "retrain" meet. */
export function processTerm(term: string): string | null {
  const word = term.toLowerCase().replace(/'s$/, '');
  if (STOPWORDS.has(word) || word.length < 2) return null;
  return stemmer(word);
}
