import type { EngineResult, NextQuestion, Option } from '../engine/types.js';
import type { Profile, ProfileField } from '../profile/schema.js';

/**
 * The platform-neutral message model. Adapters render it natively (terminal, Block Kit, Adaptive Cards);
 * `text` always holds the whole reply as plain text for surfaces that cannot do better.
 */

/** A cited passage, ready to show as `title › section`. */
export interface CitationView {
  passageId: string;
  title: string;
  section: string;
  quote: string;
  /** When the quote is a table row: the table's column names, so the row can be read on its own. */
  columns?: string[];
}

export interface ReplySection {
  /** Short heading, e.g. "Why", "Where the sources disagree". */
  title?: string;
  /** Body text; may use *bold* and "- " bullets, nothing else. */
  text: string;
  citations: CitationView[];
}

export type ActionId = 'why' | 'post-summary' | 'start-over' | 'show-profile';

export interface ReplyAction {
  id: ActionId;
  label: string;
}

export type ReplyKind = 'question' | 'recommendation' | 'answer' | 'profile' | 'summary' | 'help' | 'notice';

export interface AssessmentResult extends EngineResult {
  profile: Profile;
  /** Fields of `profile` guessed from the description as a whole, not stated: still open to a question. */
  guessed?: ProfileField[];
}

export interface Reply {
  kind: ReplyKind;
  /** The whole reply as plain text. */
  text: string;
  /** The same content in parts, for rich rendering. */
  sections: ReplySection[];
  /** The question now pending, if any; its choices become buttons. */
  question: NextQuestion | null;
  /** Buttons offered beside the reply. */
  actions: ReplyAction[];
  /** Set when the reply states a recommendation. */
  result: AssessmentResult | null;
}

/** What a user sent: text, or a button press answering a pending question. */
export interface UserMessage {
  /** Stable id of the conversation on its platform (workspace + channel + thread root, and so on). */
  conversationId: string;
  userId: string;
  userName?: string;
  text: string;
  /** A button press: the answer to a pending question (value `unknown` means "not sure"). */
  choice?: { field: string; value: string };
  /** A button press for an action (same ids as ReplyAction). */
  action?: ActionId;
  /**
   * The platform's id for this delivery (a Slack event id). Handled again with the same id, the message
   * gets the reply it got the first time and is not applied twice.
   */
  deliveryId?: string;
}

/** A durable record of one recommendation, for decision summaries and history. */
export interface DecisionRecord {
  conversationId: string;
  userId: string;
  userName?: string;
  decidedAt: string;
  profile: Profile;
  recommendation: Option;
  confidence: number;
  result: AssessmentResult;
}

export const NOT_SURE_VALUE = 'unknown';
