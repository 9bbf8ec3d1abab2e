import { processTerm, tokenize } from '../text/terms.js';
import { expandQuery } from './expand.js';

/** A question and the passages that answer it; example questions written for one passage weigh less. */
export interface TrainingQuestion {
  text: string;
  passageIds: readonly string[];
  weight: number;
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
 * Which passages answer a question, learned from questions people asked (multinomial naive Bayes over the
 * search's own terms). Words alone miss that "how much data do we need?" is answered by a summary list that
 * never says "how much"; the questions that list answered before say it.
 */
export class AnswerModel {
  private readonly taught: ReadonlySet<string>;

  private constructor(
    private readonly passageIds: readonly string[],
    private readonly logPriors: readonly number[],
    private readonly termLogs: ReadonlyMap<string, readonly number[]>,
  ) {
    this.taught = new Set(passageIds);
  }

  static train(passageIds: readonly string[], questions: readonly TrainingQuestion[]): AnswerModel {
    const known = new Set(passageIds);
    const weightOf = new Map<string, number>();
    const termTotals = new Map<string, number>();
    const termCounts = new Map<string, Map<string, number>>();
    for (const question of questions) {
      const terms = termsOf(question.text);
      for (const passageId of question.passageIds) {
        if (!known.has(passageId)) continue;
        weightOf.set(passageId, (weightOf.get(passageId) ?? 0) + question.weight);
        const counts = termCounts.get(passageId) ?? new Map<string, number>();
        termCounts.set(passageId, counts);
        for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + question.weight);
        termTotals.set(passageId, (termTotals.get(passageId) ?? 0) + question.weight * terms.length);
      }
    }
    // Only passages some question taught it about are classes; the rest are left to their words.
    const classes = passageIds.filter((passageId) => weightOf.has(passageId));
    const vocabulary = new Set([...termCounts.values()].flatMap((counts) => [...counts.keys()]));
    const totalWeight = [...weightOf.values()].reduce((sum, weight) => sum + weight, 0);
    const logPriors = classes.map((passageId) => Math.log(((weightOf.get(passageId) ?? 0) + 1) / (totalWeight + classes.length)));
    const termLogs = new Map<string, number[]>();
    for (const term of vocabulary) {
      termLogs.set(
        term,
        classes.map((passageId) => Math.log(((termCounts.get(passageId)?.get(term) ?? 0) + SMOOTHING) / ((termTotals.get(passageId) ?? 0) + SMOOTHING * vocabulary.size))),
      );
    }
    return new AnswerModel(classes, logPriors, termLogs);
  }

  /** Whether any question taught the model about this passage; the others are judged by their words alone. */
  knows(passageId: string): boolean {
    return this.taught.has(passageId);
  }

  /** For each passage, how likely it answers the question relative to the likeliest one (which gets 1). */
  relativeLikelihood(question: string): Map<string, number> {
    // Words no training question used say nothing about which passage answers.
    const termLogs = termsOf(question).flatMap((term) => {
      const logs = this.termLogs.get(term);
      return logs ? [logs] : [];
    });
    const scores = this.passageIds.map((_, index) => termLogs.reduce((sum, logs) => sum + (logs[index] ?? 0), this.logPriors[index] ?? 0));
    const best = Math.max(...scores);
    return new Map(this.passageIds.map((passageId, index) => [passageId, Math.exp(((scores[index] ?? best) - best) / TEMPERATURE)]));
  }
}
