import { comparableText } from '../text/compare.js';
import { processTerm, tokenize } from '../text/terms.js';
import { expandQuery } from './expand.js';
import type { Passage } from './passages.js';
import { sentencesOf } from './quotes.js';

/** A question and the passages that answer it; example questions written for one passage weigh less. */
export interface TrainingQuestion {
  text: string;
  passageIds: readonly string[];
  weight: number;
  /** The words in those passages that answer it, when known. */
  quotes?: readonly string[];
}

/**
 * Chosen by five-fold cross-validation over the asked questions (never the dev set), one author's questions
 * per fold: smoothing 0.1 (0.05 and 0.3 tried), temperature 5 (3 and 8 tried). Recall@3 moved by at most
 * 0.04 across these.
 */
const SMOOTHING = 0.1;
const TEMPERATURE = 5;

function termsOf(text: string): string[] {
  return [...new Set(tokenize(expandQuery(text)).flatMap((word) => processTerm(word) ?? []))];
}

/**
 * Multinomial naive Bayes over the search's own terms: which of some classes (passages, or the sentences of
 * one passage) a question is about, learned from questions labelled with their classes.
 */
class NaiveBayes {
  private readonly logPriors: readonly number[];
  private readonly termLogs: ReadonlyMap<string, readonly number[]>;

  constructor(
    readonly classes: readonly string[],
    examples: readonly { terms: readonly string[]; labels: readonly string[]; weight: number }[],
  ) {
    const weightOf = new Map<string, number>();
    const termTotals = new Map<string, number>();
    const termCounts = new Map<string, Map<string, number>>();
    for (const { terms, labels, weight } of examples) {
      for (const label of labels) {
        weightOf.set(label, (weightOf.get(label) ?? 0) + weight);
        const counts = termCounts.get(label) ?? new Map<string, number>();
        termCounts.set(label, counts);
        for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + weight);
        termTotals.set(label, (termTotals.get(label) ?? 0) + weight * terms.length);
      }
    }
    const vocabulary = new Set([...termCounts.values()].flatMap((counts) => [...counts.keys()]));
    const totalWeight = [...weightOf.values()].reduce((sum, weight) => sum + weight, 0);
    this.logPriors = classes.map((label) => Math.log(((weightOf.get(label) ?? 0) + 1) / (totalWeight + classes.length)));
    const termLogs = new Map<string, number[]>();
    for (const term of vocabulary) {
      termLogs.set(
        term,
        classes.map((label) => Math.log(((termCounts.get(label)?.get(term) ?? 0) + SMOOTHING) / ((termTotals.get(label) ?? 0) + SMOOTHING * vocabulary.size))),
      );
    }
    this.termLogs = termLogs;
  }

  /** For each class, how likely the question is about it relative to the likeliest one (which gets 1). */
  relativeLikelihood(terms: readonly string[]): Map<string, number> {
    // Words no training question used say nothing about which class it is.
    const termLogs = terms.flatMap((term) => {
      const logs = this.termLogs.get(term);
      return logs ? [logs] : [];
    });
    const scores = this.classes.map((_, index) => termLogs.reduce((sum, logs) => sum + (logs[index] ?? 0), this.logPriors[index] ?? 0));
    const best = Math.max(...scores);
    return new Map(this.classes.map((label, index) => [label, Math.exp(((scores[index] ?? best) - best) / TEMPERATURE)]));
  }
}

/**
 * Which passages answer a question, and which sentence of a passage says it, learned from questions people
 * asked. Words alone miss that "how much data do we need?" is answered by a summary list that never says
 * "how much"; the questions that list answered before say it.
 */
export class AnswerModel {
  private constructor(
    private readonly passagesModel: NaiveBayes,
    private readonly taught: ReadonlySet<string>,
    private readonly sentenceModels: ReadonlyMap<string, NaiveBayes>,
  ) {}

  static train(passages: readonly Passage[], questions: readonly TrainingQuestion[]): AnswerModel {
    const known = new Set(passages.map((passage) => passage.passageId));
    const examples = questions.map((question) => ({
      terms: termsOf(question.text),
      labels: question.passageIds.filter((passageId) => known.has(passageId)),
      weight: question.weight,
      quotes: (question.quotes ?? []).map(comparableText),
    }));
    // Only passages some question taught it about are classes; the rest are left to their words.
    const taught = new Set(examples.flatMap((example) => example.labels));
    const classes = passages.map((passage) => passage.passageId).filter((passageId) => taught.has(passageId));
    // Only passages with quoted answers get a sentence model; a large added corpus costs nothing here.
    const quotedFor = new Map<string, typeof examples>();
    for (const example of examples) {
      if (example.quotes.length === 0) continue;
      for (const label of example.labels) quotedFor.set(label, [...(quotedFor.get(label) ?? []), example]);
    }
    const sentenceModels = new Map<string, NaiveBayes>();
    for (const passage of passages) {
      const taughtBy = quotedFor.get(passage.passageId);
      const model = taughtBy ? sentenceModel(passage, taughtBy) : null;
      if (model) sentenceModels.set(passage.passageId, model);
    }
    return new AnswerModel(new NaiveBayes(classes, examples), taught, sentenceModels);
  }

  /** Whether any question taught the model about this passage; the others are judged by their words alone. */
  knows(passageId: string): boolean {
    return this.taught.has(passageId);
  }

  /** For each taught passage, how likely it answers the question relative to the likeliest one (which gets 1). */
  relativeLikelihood(question: string): Map<string, number> {
    return this.passagesModel.relativeLikelihood(termsOf(question));
  }

  /** For each sentence of the passage, how likely it is the answer; null when no question taught any. */
  sentenceLikelihood(passageId: string, question: string): Map<string, number> | null {
    return this.sentenceModels.get(passageId)?.relativeLikelihood(termsOf(question)) ?? null;
  }
}

/**
 * The passage's sentences as classes, each taught by the questions (answered by this passage) whose quoted
 * answer contains it or is in it; `quotes` are already comparable.
 */
function sentenceModel(passage: Passage, examples: readonly { terms: readonly string[]; labels: readonly string[]; weight: number; quotes: readonly string[] }[]): NaiveBayes | null {
  const sentences = [...new Set(sentencesOf(passage.text))];
  const comparableSentences = sentences.map(comparableText);
  const labelled = examples.flatMap(({ terms, weight, quotes: answers }) => {
    const hit = sentences.filter((_, index) => {
      const sentence = comparableSentences[index] ?? '';
      return sentence.length > 0 && answers.some((answer) => answer.includes(sentence) || sentence.includes(answer));
    });
    return hit.length > 0 ? [{ terms, labels: hit, weight }] : [];
  });
  return labelled.length > 0 ? new NaiveBayes(sentences, labelled) : null;
}
