import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/store/memory.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { ConversationStore } from '../../src/store/types.js';
import { chat, makeAdvisor } from '../helpers/advisor.js';
import { tempDir } from '../helpers/tempDir.js';

const tempDb = () => join(tempDir('advisor-store'), 'nested', 'advisor.db');

const implementations: [string, () => ConversationStore][] = [
  ['memory', () => createMemoryStore()],
  ['sqlite', () => openSqliteStore(tempDb())],
];

describe.each(implementations)('%s store contract', (_name, open) => {
  it('never loses an update when messages in one conversation race', async () => {
    const store = open();
    const fields = ['task', 'knowledgeNeed', 'behaviourNeed', 'citations', 'latency', 'deployment'] as const;
    const values = ['qa', 'proprietary', 'strict', 'required', 'realtime', 'on-device'];
    await Promise.all(
      fields.map((field, index) =>
        store.update('c1', async (state) => {
          await new Promise((resolve) => setImmediate(resolve));
          return { state: { ...state, profile: { ...state.profile, [field]: values[index] } }, value: null };
        }),
      ),
    );
    const saved = await store.get('c1');
    expect(Object.keys(saved?.profile ?? {}).sort()).toEqual([...fields].sort());
    expect(saved?.version).toBe(fields.length);
    await store.close();
  });

  it('claims a platform event once', async () => {
    const store = open();
    expect(await store.claimEvent('Ev1')).toBe(true);
    expect(await store.claimEvent('Ev1')).toBe(false);
    expect(await store.claimEvent('Ev2')).toBe(true);
    await store.close();
  });

  it('keeps decision history newest first per user', async () => {
    // With no follow-up questions every change of the profile is recorded as a decision.
    const advisor = makeAdvisor(open(), 0);
    const user = chat(advisor, 'c2', 'U9');
    await user.say('a bot answering questions from our docs, which change daily; we must cite sources; we have no labeled data');
    await user.say('actually we have 5k labeled examples');
    const history = await advisor.store.decisions('U9');
    expect(history.length).toBeGreaterThanOrEqual(2);
    expect(history[0]?.profile.labeledExamples).toBe('thousands');
    expect(await advisor.store.decisions('someone-else')).toEqual([]);
    await advisor.store.close();
  });
});

describe('sqlite store', () => {
  it('purges expired event ids through an index, so claiming stays fast as ids pile up', async () => {
    const path = join(tempDir('advisor-events'), 'events.db');
    const store = openSqliteStore(path);
    expect(await store.claimEvent('Ev1')).toBe(true);
    await store.close();
    const db = new Database(path, { readonly: true });
    const plan = db.prepare('EXPLAIN QUERY PLAN DELETE FROM events WHERE expires_at <= ?').all(0) as { detail: string }[];
    db.close();
    expect(plan.map((step) => step.detail).join(' ')).toMatch(/USING (COVERING )?INDEX events_by_expiry/);
  });

  it('continues a conversation after the store is closed and reopened', async () => {
    const path = tempDb();
    const first = makeAdvisor(openSqliteStore(path));
    const reply = await chat(first, 'slack:T1:C1:123').say('We are building a support chatbot that answers questions from our product docs. The docs change every week.');
    expect(reply.question?.field).toBe('behaviourNeed');
    await first.store.close();

    const second = makeAdvisor(openSqliteStore(path));
    const state = await second.store.get('slack:T1:C1:123');
    expect(state?.pendingField).toBe('behaviourNeed');
    const answer = await chat(second, 'slack:T1:C1:123').say('strict');
    expect(answer.result?.recommendation).toBe('hybrid');
    expect(answer.result?.profile).toMatchObject({ task: 'qa', knowledgeNeed: 'proprietary', knowledgeFreshness: 'weekly', behaviourNeed: 'strict' });
    await second.store.close();
  });

  it('remembers across a restart which readings still need the user to confirm them', async () => {
    const path = tempDb();
    const first = makeAdvisor(openSqliteStore(path));
    await chat(first, 'slack:T1:C1:456').say('We want to summarise our incident reports into one paragraph each for the Monday meeting.');
    await first.store.close();
    const second = makeAdvisor(openSqliteStore(path));
    const state = await second.store.get('slack:T1:C1:456');
    expect(state?.unsure).toContain('knowledgeNeed');
    expect(state?.pendingField).toBe('knowledgeNeed');
    await second.store.close();
  });

  it('two processes sharing the file do not overwrite each other (optimistic versioning)', async () => {
    const path = tempDb();
    const a = openSqliteStore(path);
    const b = openSqliteStore(path);
    await a.update('c', async (state) => ({ state: { ...state, profile: { task: 'qa' } }, value: null }));
    let attempts = 0;
    await a.update('c', async (state) => {
      attempts += 1;
      // Another process writes between this read and write on the first attempt.
      if (attempts === 1) await b.update('c', async (other) => ({ state: { ...other, profile: { ...other.profile, citations: 'required' } }, value: null }));
      return { state: { ...state, profile: { ...state.profile, latency: 'realtime' } }, value: null };
    });
    expect(attempts).toBe(2);
    expect((await b.get('c'))?.profile).toEqual({ task: 'qa', citations: 'required', latency: 'realtime' });
    await a.close();
    await b.close();
  });
});
