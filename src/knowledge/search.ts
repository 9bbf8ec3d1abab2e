import MiniSearch from 'minisearch';
import { processTerm, tokenize } from '../text/terms.js';
import type { AskedQuestion } from './asked.js';
import { expandQuery } from './expand.js';
import { AnswerModel, type TrainingQuestion } from './learned.js';
import type { Passage } from './passages.js';
import { vocabularyText, type QuestionVocabulary } from './vocabulary.js';

/**
 * Words and example questions written for a passage, against its own text. The weight grew with the field:
 * at about 29 questions a passage 0.75 was best; at about 37, 1.6 was best over 223 questions from
 * independently written sets (1.1, 1.3 and 2.0 were lower), and it held on 168 questions never tuned on.
 */
const VOCABULARY_BOOST = 1.6;

/**
 * How much the answer model counts against the words (the best word match scores 1). Chosen with the model's
 * settings by five-fold cross-validation over 810 asked questions (recall@3 / MRR@5 on the 200 short,
 * plain questions like the dev set's; on the 610 in other voices): words alone 0.67 / 0.72 and 0.63 / 0.75;
 * at 1, 0.71 / 0.77 and 0.76 / 0.87; at 2, 0.73 / 0.78 and 0.79 / 0.89; at 3, 0.72 / 0.76 and 0.80 / 0.89.
 * An example question written for one passage counts a fifth of an asked question (at a tenth 0.69 / 0.73).
 */
const LEARNED_WEIGHT = 2;
const EXAMPLE_QUESTION_WEIGHT = 0.2;
/** A passage the model finds this unlikely, relative to its best, is not added to the candidates. */
const LEARNED_FLOOR = 0.01;

export interface RankedPassage {
  passage: Passage;
  score: number;
  /** Distinct query terms the passage matched. */
  matchedTerms: number;
}

/** BM25 full-text search over passages (MiniSearch), headings boosted, re-ranked by what asked questions taught; built once, no network. */
export class PassageIndex {
  private readonly search: MiniSearch<Passage>;
  private readonly byId: Map<string, Passage>;
  private readonly answerModel: AnswerModel | null;

  constructor(
    readonly passages: Passage[],
    vocabulary: QuestionVocabulary = {},
    asked: readonly AskedQuestion[] = [],
  ) {
    this.byId = new Map(passages.map((passage) => [passage.passageId, passage]));
    this.search = new MiniSearch<Passage>({
      idField: 'passageId',
      fields: ['text', 'section', 'title', 'vocabulary'],
      storeFields: [],
      tokenize,
      processTerm,
      extractField: (passage, field) => (field === 'vocabulary' ? vocabularyText(vocabulary[passage.passageId]) : String(passage[field as keyof Passage] ?? '')),
      searchOptions: { boost: { section: 1.5, title: 0.3, vocabulary: VOCABULARY_BOOST }, prefix: false, fuzzy: false, combineWith: 'OR' },
    });
    this.search.addAll(passages);
    const training = trainingQuestions(vocabulary, asked);
    this.answerModel = training.length > 0 ? AnswerModel.train(passages, training) : null;
  }

  /** For each sentence of a passage, how likely it answers the question, as asked questions taught; or null. */
  sentenceLikelihood(passageId: string, question: string): ReadonlyMap<string, number> | null {
    return this.answerModel?.sentenceLikelihood(passageId, question) ?? null;
  }

  get(passageId: string): Passage | undefined {
    return this.byId.get(passageId);
  }

  /** How many passages' own text has the word (after stemming), from the index rather than a scan. */
  passagesSaying(word: string): number {
    return this.search.search(word, { fields: ['text'], combineWith: 'AND' }).length;
  }

  query(question: string, limit = 8, boosts?: ReadonlyMap<string, number>): RankedPassage[] {
    const results = this.search.search(expandQuery(question), {
      boostDocument: boosts ? (id) => 1 + (boosts.get(String(id)) ?? 0) : undefined,
    });
    // Results come sorted; only the head can reach the top after diversifying.
    const ranked = results.slice(0, DIVERSIFY_POOL).flatMap((result) => {
      const passage = this.byId.get(String(result.id));
      return passage ? [{ passage, score: result.score, matchedTerms: result.terms.length }] : [];
    });
    // Passages the topic points at but that share no words with the question still deserve a place.
    if (boosts) {
      const top = ranked[0]?.score ?? 0;
      const seen = new Set(ranked.map((item) => item.passage.passageId));
      for (const [passageId, amount] of boosts) {
        const passage = this.byId.get(passageId);
        if (passage && !seen.has(passageId)) ranked.push({ passage, score: top * TOPIC_FLOOR * amount, matchedTerms: 0 });
      }
      ranked.sort((a, b) => b.score - a.score);
    }
    // The model re-ranks what the words found; a question sharing no word with any passage stays unanswered.
    const fused = this.answerModel && ranked.length > 0 ? this.withLearned(ranked, question, this.answerModel) : ranked;
    return diversify(fused, limit).map((item) => ({ ...item, score: Math.round(item.score * 1000) / 1000 }));
  }

  /**
   * Word score (relative to the best match) plus the model's likelihood. A passage the model never learned
   * about, such as one in a document a user added, stands in with its word score, so it is not pushed down.
   */
  private withLearned(ranked: RankedPassage[], question: string, model: AnswerModel): RankedPassage[] {
    const likelihood = model.relativeLikelihood(question);
    const candidates = [...ranked];
    const seen = new Set(ranked.map((item) => item.passage.passageId));
    for (const [passageId, relative] of likelihood) {
      const passage = this.byId.get(passageId);
      if (passage && !seen.has(passageId) && relative > LEARNED_FLOOR) candidates.push({ passage, score: 0, matchedTerms: 0 });
    }
    const top = Math.max(...candidates.map((item) => item.score), Number.MIN_VALUE);
    return candidates
      .map((item) => {
        const wordScore = item.score / top;
        const learned = model.knows(item.passage.passageId) ? (likelihood.get(item.passage.passageId) ?? 0) : wordScore;
        return { ...item, score: wordScore + LEARNED_WEIGHT * learned };
      })
      .sort((a, b) => b.score - a.score);
  }
}

function trainingQuestions(vocabulary: QuestionVocabulary, asked: readonly AskedQuestion[]): TrainingQuestion[] {
  const examples = Object.entries(vocabulary).flatMap(([passageId, entry]) => entry.questions.map((text) => ({ text, passageIds: [passageId], weight: EXAMPLE_QUESTION_WEIGHT })));
  return [...asked.map(({ question, passages, quotes }) => ({ text: question, passageIds: passages, weight: 1, ...(quotes ? { quotes } : {}) })), ...examples];
}

/** A second chunk of an already chosen section, or another passage of a chosen document, counts for less. */
const SAME_SECTION_FACTOR = 0.45;
const SAME_DOCUMENT_FACTOR = 0.6;
const DIVERSIFY_POOL = 40;
/** A boosted passage with no word of the question scores this share of the best hit per unit of boost. */
const TOPIC_FLOOR = 0.1;

function sectionKey(passage: Passage): string {
  return passage.passageId.replace(/~\d+$/, '');
}

/**
 * Greedy re-ranking so the top few passages cover different sections and documents: answers usually need
 * evidence from several sources, and a section's second chunk rarely adds a new point.
 */
function diversify(ranked: RankedPassage[], limit: number): RankedPassage[] {
  const pool = ranked.slice(0, DIVERSIFY_POOL);
  const chosen: RankedPassage[] = [];
  const sections = new Set<string>();
  const documents = new Set<string>();
  while (chosen.length < limit && pool.length > 0) {
    let bestIndex = 0;
    let bestScore = -Infinity;
    pool.forEach((item, index) => {
      const factor = (sections.has(sectionKey(item.passage)) ? SAME_SECTION_FACTOR : 1) * (documents.has(item.passage.docId) ? SAME_DOCUMENT_FACTOR : 1);
      if (item.score * factor > bestScore) {
        bestScore = item.score * factor;
        bestIndex = index;
      }
    });
    const [item] = pool.splice(bestIndex, 1);
    if (!item) break;
    chosen.push({ ...item, score: bestScore });
    sections.add(sectionKey(item.passage));
    documents.add(item.passage.docId);
  }
  return chosen;
}
