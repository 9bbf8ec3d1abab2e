import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { DecisionRecord, Reply } from '../dialog/messages.js';
import { ProfileSchema } from '../profile/schema.js';
import { KeyedMutex } from './lock.js';
import { emptyState, type ConversationState, type ConversationStore } from './types.js';

const StateSchema = z.object({
  conversationId: z.string(),
  phase: z.enum(['intake', 'questions', 'recommended']),
  profile: ProfileSchema,
  pendingField: z.string().nullable(),
  skipped: z.array(z.string()),
  guessed: z.array(z.string()).optional(),
  unsure: z.array(z.string()).optional(),
  questionsAsked: z.number().int().min(0),
  updatedAt: z.string(),
  version: z.number().int().min(0),
  // Written by this code a moment ago and only ever sent back as it was, so its shape is not re-checked.
  lastDelivery: z.object({ id: z.string(), reply: z.custom<Reply>((value) => typeof value === 'object' && value !== null) }).optional(),
});

const MAX_WRITE_ATTEMPTS = 5;

/** A row that does not parse is treated as a fresh conversation rather than crashing the bot. */
export function parseState(json: string, conversationId: string, now: Date): ConversationState {
  const parsed = StateSchema.safeParse(JSON.parse(json));
  return parsed.success ? (parsed.data as ConversationState) : emptyState(conversationId, now);
}

/**
 * SQLite store (the default): one file, survives restarts. Writes use optimistic versioning, so two
 * processes sharing the file never lose an update; inside one process a per-conversation lock orders them.
 */
export function openSqliteStore(path: string, now: () => Date = () => new Date()): ConversationStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec(`
    CREATE TABLE IF NOT EXISTS conversations (id TEXT PRIMARY KEY, state TEXT NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS decisions (seq INTEGER PRIMARY KEY AUTOINCREMENT, user_id TEXT NOT NULL, decided_at TEXT NOT NULL, record TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS decisions_by_user ON decisions (user_id, seq DESC);
    CREATE TABLE IF NOT EXISTS events (id TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);
    -- Without it, purging expired ids scans every id kept for the last hour on each new event.
    CREATE INDEX IF NOT EXISTS events_by_expiry ON events (expires_at);
  `);
  const selectState = db.prepare<[string], { state: string; version: number }>('SELECT state, version FROM conversations WHERE id = ?');
  const insertState = db.prepare('INSERT INTO conversations (id, state, version, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO NOTHING');
  const updateState = db.prepare('UPDATE conversations SET state = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?');
  const deleteState = db.prepare('DELETE FROM conversations WHERE id = ?');
  const insertDecision = db.prepare('INSERT INTO decisions (user_id, decided_at, record) VALUES (?, ?, ?)');
  const selectDecisions = db.prepare<[string, number], { record: string }>('SELECT record FROM decisions WHERE user_id = ? ORDER BY seq DESC LIMIT ?');
  const purgeEvents = db.prepare('DELETE FROM events WHERE expires_at <= ?');
  const insertEvent = db.prepare('INSERT INTO events (id, expires_at) VALUES (?, ?) ON CONFLICT(id) DO NOTHING');
  const mutex = new KeyedMutex();

  const read = (conversationId: string): ConversationState | null => {
    const row = selectState.get(conversationId);
    return row ? { ...parseState(row.state, conversationId, now()), version: row.version } : null;
  };

  const write = (state: ConversationState, expectedVersion: number): boolean => {
    const saved = { ...state, version: expectedVersion + 1, updatedAt: now().toISOString() };
    const json = JSON.stringify(saved);
    const result =
      expectedVersion === 0
        ? insertState.run(state.conversationId, json, saved.version, saved.updatedAt)
        : updateState.run(json, saved.version, saved.updatedAt, state.conversationId, expectedVersion);
    return result.changes === 1;
  };

  return {
    async get(conversationId) {
      return read(conversationId);
    },
    update(conversationId, change) {
      return mutex.run(conversationId, async () => {
        for (let attempt = 1; ; attempt += 1) {
          const current = read(conversationId) ?? emptyState(conversationId, now());
          const { state, value } = await change(structuredClone(current));
          if (write({ ...state, conversationId }, current.version)) return value;
          if (attempt >= MAX_WRITE_ATTEMPTS) throw new Error(`conversation ${conversationId}: too many concurrent writes`);
        }
      });
    },
    async delete(conversationId) {
      deleteState.run(conversationId);
    },
    async addDecision(record: DecisionRecord) {
      insertDecision.run(record.userId, record.decidedAt, JSON.stringify(record));
    },
    async decisions(userId, limit = 20) {
      return selectDecisions.all(userId, limit).map((row) => JSON.parse(row.record) as DecisionRecord);
    },
    async claimEvent(eventId, ttlSeconds = 3600) {
      const nowMs = now().getTime();
      purgeEvents.run(nowMs);
      return insertEvent.run(eventId, nowMs + ttlSeconds * 1000).changes === 1;
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
