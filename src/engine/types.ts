import type { Choice } from '../profile/catalogue.js';
import type { Profile, ProfileField } from '../profile/schema.js';

export const OPTIONS = ['rag', 'fine-tuning', 'hybrid', 'prompting'] as const;
export type Option = (typeof OPTIONS)[number];

export const OPTION_LABELS: Record<Option, string> = {
  rag: 'RAG (retrieval-augmented generation)',
  'fine-tuning': 'Fine-tuning',
  hybrid: 'Hybrid (fine-tuning + RAG)',
  prompting: 'Prompting an off-the-shelf model',
};

/** A verbatim quote from one passage of the bundled documents. */
export interface Citation {
  passageId: string;
  quote: string;
}

/** Weight a rule adds to each option's score; options not listed get 0. */
export type Weights = Partial<Record<Option, number>>;

/** A condition on other fields: each listed field must be known and hold one of the values. */
export type Condition = Partial<Record<ProfileField, readonly string[]>>;

export interface FactorRule {
  id: string;
  field: ProfileField | 'baseline';
  /** The value of `field` this rule fires on (ignored for the baseline). */
  value: string;
  /** Extra fields that must hold for the rule to fire. */
  when?: Condition;
  /** The rule does not fire while any listed field is known to hold one of these values. */
  unless?: Condition;
  weights: Weights;
  /** One sentence a user reads: why this value pushes the decision. */
  because: string;
  citations: Citation[];
}

export interface ConflictSide {
  favors: Option;
  claim: string;
  citations: Citation[];
}

/** A point on which the source documents disagree, and when a profile lands on it. */
export interface Conflict {
  id: string;
  topic: string;
  when: Condition;
  /** Fires only while both options are among the two best scores. */
  contested?: readonly [Option, Option];
  sides: ConflictSide[];
}

export interface Reason {
  factor: ProfileField | 'baseline';
  value: string;
  favors: Option;
  text: string;
  /** Weight toward the recommended option. */
  weight: number;
  /** The rule's weight toward every option, so "why not X?" can find what counts against X. */
  weights: Weights;
  citations: Citation[];
}

export interface NextQuestion {
  field: ProfileField;
  text: string;
  choices: Choice[];
}

export interface MissingField {
  field: ProfileField;
  /** Weighted chance (by the catalogue's prior) that answering changes the recommendation. */
  flipChance: number;
  /** Answers that would change the recommendation, and to what. */
  flips: { value: string; recommendation: Option }[];
}

export interface ChangeCondition {
  field: ProfileField;
  value: string;
  /** Score margin by which the runner-up would then lead. */
  lead: number;
}

export interface WhatWouldChange {
  option: Option;
  /** Single field values that would each make `option` win. */
  changes: ChangeCondition[];
}

export interface Disagreement {
  id: string;
  topic: string;
  sides: ConflictSide[];
}

export interface EngineResult {
  recommendation: Option;
  confidence: number;
  scores: Record<Option, number>;
  reasons: Reason[];
  missing: MissingField[];
  whatWouldChange: WhatWouldChange;
  nextQuestion: NextQuestion | null;
  disagreements: Disagreement[];
}

export type { Profile };
