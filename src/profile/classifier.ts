import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { processTerm, tokenize } from '../text/terms.js';
import { FIELD_VALUES, type Profile, type ProfileField } from './schema.js';

/**
 * A field people imply more often than they state. "Rewrite our release notes in a friendlier tone" never says
 * the model needs no outside knowledge, but descriptions like it are told apart from those that do by their
 * words as a whole. Only the values listed are ever guessed, and only when the reading is nearly certain.
 */
interface InferredField {
  field: ProfileField;
  values: readonly string[];
  minProbability: number;
}

/**
 * knowledgeNeed only: on the sets used to choose this, guessing "public" was wrong more often than right, and
 * guessing other fields lowered extraction precision without helping the recommendation.
 */
const INFERRED_FIELDS: readonly InferredField[] = [{ field: 'knowledgeNeed', values: ['none', 'proprietary'], minProbability: 0.95 }];

/** Short messages (answers, corrections) say too little for a reading of the whole. */
export const MIN_WORDS_TO_INFER = 10;

const UNSTATED = '';
const NEGATIONS = new Set(['no', 'not', 'without', 'never', 'none', "don't", 'dont', 'lack', 'zero']);

const LabelledDescription = z.object({ text: z.string(), stated: z.record(z.string(), z.string()) });

/** Project descriptions written for evaluation sets (not the dev set), each with the fields its text states. */
const TRAINING_FILE = new URL('./training/labelled-descriptions.jsonl', import.meta.url);

/** The terms search uses, with every negation word as one token so "no" and "without" count together. */
function features(text: string): Set<string> {
  const found = new Set<string>();
  for (const word of tokenize(text)) {
    const term = NEGATIONS.has(word) ? '(not)' : processTerm(word);
    if (term) found.add(term);
  }
  return found;
}

interface ClassCounts {
  documents: number;
  featureCounts: Map<string, number>;
}

/** Bernoulli naive Bayes over the words present, one class per value plus "not stated". */
class FieldModel {
  private readonly classes = new Map<string, ClassCounts>();
  private readonly vocabulary = new Set<string>();
  private total = 0;

  add(label: string, words: Set<string>): void {
    const counts = this.classes.get(label) ?? { documents: 0, featureCounts: new Map<string, number>() };
    counts.documents += 1;
    for (const word of words) {
      counts.featureCounts.set(word, (counts.featureCounts.get(word) ?? 0) + 1);
      this.vocabulary.add(word);
    }
    this.classes.set(label, counts);
    this.total += 1;
  }

  /** The most likely label and its posterior probability. */
  best(words: Set<string>): { label: string; probability: number } | null {
    const known = [...words].filter((word) => this.vocabulary.has(word));
    const scores = [...this.classes].map(([label, counts]) => {
      let logScore = Math.log(counts.documents / this.total);
      for (const word of known) logScore += Math.log(((counts.featureCounts.get(word) ?? 0) + 0.5) / (counts.documents + 1));
      return { label, logScore };
    });
    if (scores.length === 0) return null;
    const top = scores.reduce((best, item) => (item.logScore > best.logScore ? item : best));
    const norm = scores.reduce((sum, item) => sum + Math.exp(item.logScore - top.logScore), 0);
    return { label: top.label, probability: 1 / norm };
  }
}

function train(): Map<ProfileField, FieldModel> {
  const lines = readFileSync(TRAINING_FILE, 'utf8').split('\n');
  const examples = lines.flatMap((line, index) => {
    if (line.trim() === '') return [];
    try {
      return LabelledDescription.parse(JSON.parse(line));
    } catch (error) {
      throw new Error(`${TRAINING_FILE.pathname} line ${index + 1}: not a labelled description ({"text", "stated"})`, { cause: error });
    }
  });
  const models = new Map<ProfileField, FieldModel>();
  for (const { field } of INFERRED_FIELDS) {
    const model = new FieldModel();
    const allowed: readonly string[] = FIELD_VALUES[field];
    for (const example of examples) {
      const value = example.stated[field];
      model.add(value !== undefined && allowed.includes(value) ? value : UNSTATED, features(example.text));
    }
    models.set(field, model);
  }
  return models;
}

let models: Map<ProfileField, FieldModel> | null = null;

/** Counts the model now (about a tenth of a second), so the first message does not wait for it. */
export function prepareInference(): void {
  models ??= train();
}

/**
 * Values read from a description as a whole (already normalised), for the inferred fields that neither its words
 * nor the profile so far settle. Deterministic: the model is counted from the bundled file on first use.
 */
export function inferUnstated(text: string, known: Profile): Profile {
  if ((text.match(/\S+/g) ?? []).length < MIN_WORDS_TO_INFER) return {};
  models ??= train();
  const words = features(text);
  const inferred: Record<string, string> = {};
  for (const { field, values, minProbability } of INFERRED_FIELDS) {
    if (known[field] !== undefined) continue;
    const reading = models.get(field)?.best(words);
    if (reading && values.includes(reading.label) && reading.probability >= minProbability) inferred[field] = reading.label;
  }
  return inferred as Profile;
}
