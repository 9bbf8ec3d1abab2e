import type { DecisionRecord } from '../dialog/messages.js';
import { KeyedMutex } from './lock.js';
import { emptyState, type ConversationState, type ConversationStore } from './types.js';

/** In-memory store for tests and one-shot CLI use; loses everything on exit. */
export function createMemoryStore(now: () => Date = () => new Date()): ConversationStore {
  const conversations = new Map<string, ConversationState>();
  const decisions = new Map<string, DecisionRecord[]>();
  const events = new Map<string, number>();
  const mutex = new KeyedMutex();
  const clone = <T>(value: T): T => structuredClone(value);

  return {
    async get(conversationId) {
      const state = conversations.get(conversationId);
      return state ? clone(state) : null;
    },
    update(conversationId, change) {
      return mutex.run(conversationId, async () => {
        const current = conversations.get(conversationId) ?? emptyState(conversationId, now());
        const { state, value } = await change(clone(current));
        conversations.set(conversationId, { ...clone(state), version: current.version + 1, updatedAt: now().toISOString() });
        return value;
      });
    },
    async delete(conversationId) {
      conversations.delete(conversationId);
    },
    async addDecision(record) {
      decisions.set(record.userId, [clone(record), ...(decisions.get(record.userId) ?? [])]);
    },
    async decisions(userId, limit = 20) {
      return clone((decisions.get(userId) ?? []).slice(0, limit));
    },
    async claimEvent(eventId, ttlSeconds = 3600) {
      const nowMs = now().getTime();
      const expires = events.get(eventId);
      if (expires !== undefined && expires > nowMs) return false;
      events.set(eventId, nowMs + ttlSeconds * 1000);
      return true;
    },
    async close() {
      conversations.clear();
    },
  };
}
