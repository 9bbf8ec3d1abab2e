import { Redis } from 'ioredis';
import type { DecisionRecord } from '../dialog/messages.js';
import { KeyedMutex } from './lock.js';
import { parseState } from './sqlite.js';
import { emptyState, StoreUnavailableError, type ConversationState, type ConversationStore } from './types.js';

const MAX_WRITE_ATTEMPTS = 8;
const CONVERSATION_TTL_SECONDS = 90 * 24 * 3600;
const DECISIONS_KEPT = 200;
const COMMAND_TIMEOUT_MS = 2000;

/** Writes the state only if the stored version is still the one read (compare-and-set in one step). */
const COMPARE_AND_SET = `
local current = redis.call('GET', KEYS[1])
local version = 0
if current then version = cjson.decode(current).version end
if version ~= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
return 1
`;

export interface RedisStoreOptions {
  /** Key prefix, so several deployments can share one Redis. */
  prefix?: string;
  now?: () => Date;
}

/**
 * Redis store for several replicas: conversations, decision history and delivery de-duplication are shared.
 * Writes are compare-and-set on a version, so replicas racing on one conversation never lose an update.
 * While Redis is unreachable, calls fail within about two seconds with StoreUnavailableError.
 */
export function openRedisStore(url: string, options: RedisStoreOptions = {}): ConversationStore {
  const prefix = options.prefix ?? 'advisor:';
  const now = options.now ?? (() => new Date());
  // Commands wait briefly for a (re)connection, then fail: a user gets a clear error instead of a hang.
  const redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: COMMAND_TIMEOUT_MS, retryStrategy: (times) => Math.min(times * 200, 1000) });
  redis.on('error', () => {
    // Connection errors surface on the calls that need Redis; the client keeps reconnecting.
  });
  const mutex = new KeyedMutex();
  const key = {
    conversation: (id: string) => `${prefix}conv:${id}`,
    decisions: (userId: string) => `${prefix}decisions:${userId}`,
    event: (id: string) => `${prefix}event:${id}`,
  };

  async function call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw new StoreUnavailableError('Redis', error);
    }
  }

  async function read(conversationId: string): Promise<ConversationState | null> {
    const json = await call(() => redis.get(key.conversation(conversationId)));
    return json ? parseState(json, conversationId, now()) : null;
  }

  return {
    get: read,
    update(conversationId, change) {
      return mutex.run(conversationId, async () => {
        for (let attempt = 1; ; attempt += 1) {
          const current = (await read(conversationId)) ?? emptyState(conversationId, now());
          const { state, value } = await change(structuredClone(current));
          const saved: ConversationState = { ...state, conversationId, version: current.version + 1, updatedAt: now().toISOString() };
          const written = await call(() => redis.eval(COMPARE_AND_SET, 1, key.conversation(conversationId), String(current.version), JSON.stringify(saved), String(CONVERSATION_TTL_SECONDS)));
          if (written === 1) return value;
          if (attempt >= MAX_WRITE_ATTEMPTS) throw new Error(`conversation ${conversationId}: too many concurrent writes`);
        }
      });
    },
    async delete(conversationId) {
      await call(() => redis.del(key.conversation(conversationId)));
    },
    async addDecision(record: DecisionRecord) {
      await call(() => redis.multi().lpush(key.decisions(record.userId), JSON.stringify(record)).ltrim(key.decisions(record.userId), 0, DECISIONS_KEPT - 1).exec());
    },
    async decisions(userId, limit = 20) {
      const rows = await call(() => redis.lrange(key.decisions(userId), 0, limit - 1));
      return rows.map((row) => JSON.parse(row) as DecisionRecord);
    },
    async claimEvent(eventId, ttlSeconds = 3600) {
      return (await call(() => redis.set(key.event(eventId), '1', 'EX', ttlSeconds, 'NX'))) === 'OK';
    },
    async close() {
      redis.disconnect();
    },
  };
}
