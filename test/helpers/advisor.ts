import { Advisor } from '../../src/dialog/advisor.js';
import type { UserMessage } from '../../src/dialog/messages.js';
import { KnowledgeBase } from '../../src/knowledge/index.js';
import { createMemoryStore } from '../../src/store/memory.js';
import type { ConversationStore } from '../../src/store/types.js';

export const sharedKnowledge = KnowledgeBase.load();

export function makeAdvisor(store: ConversationStore = createMemoryStore(), maxQuestions = 5): Advisor {
  return new Advisor({ store, knowledge: sharedKnowledge, maxQuestions, now: () => new Date('2026-11-21T10:00:00Z') });
}

/** A conversation as a user types it. */
export function chat(advisor: Advisor, conversationId = 'test:1', userId = 'U1') {
  return {
    say: (text: string) => advisor.handle({ conversationId, userId, userName: 'Dana', text }),
    press: (field: string, value: string) => advisor.handle({ conversationId, userId, userName: 'Dana', text: '', choice: { field, value } }),
    act: (action: NonNullable<UserMessage['action']>) => advisor.handle({ conversationId, userId, userName: 'Dana', text: '', action }),
    state: () => advisor.store.get(conversationId),
  };
}
