export type { ConversationState, ConversationStore, Phase } from './types.js';
export { emptyState, StoreUnavailableError } from './types.js';
export { createMemoryStore } from './memory.js';
export { openSqliteStore } from './sqlite.js';
export { openRedisStore } from './redis.js';
