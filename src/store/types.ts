import type { DecisionRecord, Reply } from '../dialog/messages.js';
import type { Profile, ProfileField } from '../profile/schema.js';

export type Phase = 'intake' | 'questions' | 'recommended';

/** Everything the bot remembers about one conversation. */
export interface ConversationState {
  conversationId: string;
  phase: Phase;
  profile: Profile;
  /** The field of the question now pending, if any. */
  pendingField: ProfileField | null;
  /** Fields the user answered "not sure" to: never asked again. */
  skipped: ProfileField[];
  /** Fields whose value was guessed from a description, not stated: asked about when they could matter. */
  guessed?: ProfileField[];
  /** Fields read from loose wording: confirmed with a question when they could change the answer. */
  unsure?: ProfileField[];
  /** Follow-up questions asked so far in this conversation. */
  questionsAsked: number;
  updatedAt: string;
  /** Optimistic-concurrency version, bumped on every save. */
  version: number;
  /** The last message handled with a delivery id, and its reply: a redelivery gets the same reply. */
  lastDelivery?: { id: string; reply: Reply };
}

/**
 * Where conversation state lives (SPEC 7). Implementations: memory (tests), SQLite (default), Redis (replicas).
 * `update` applies a change atomically per conversation, so concurrent messages never lose an update.
 */
export interface ConversationStore {
  get(conversationId: string): Promise<ConversationState | null>;
  /** Reads, applies `change`, and saves, retrying on a concurrent write. Returns what `change` returned. */
  update<T>(conversationId: string, change: (state: ConversationState) => { state: ConversationState; value: T } | Promise<{ state: ConversationState; value: T }>): Promise<T>;
  delete(conversationId: string): Promise<void>;
  addDecision(record: DecisionRecord): Promise<void>;
  /** Newest first. */
  decisions(userId: string, limit?: number): Promise<DecisionRecord[]>;
  /** Records a delivered platform event id; false when it was already seen (so: handle once). */
  claimEvent(eventId: string, ttlSeconds?: number): Promise<boolean>;
  close(): Promise<void>;
}

export function emptyState(conversationId: string, now: Date): ConversationState {
  return {
    conversationId,
    phase: 'intake',
    profile: {},
    pendingField: null,
    skipped: [],
    questionsAsked: 0,
    updatedAt: now.toISOString(),
    version: 0,
  };
}

/** The shared store cannot be reached; the message was not applied and can be sent again. */
export class StoreUnavailableError extends Error {
  constructor(
    readonly store: string,
    cause: unknown,
  ) {
    super(`${store} is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'StoreUnavailableError';
  }
}
