import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRedisStore } from '../../src/store/redis.js';
import type { ConversationStore } from '../../src/store/types.js';
import { chat, makeAdvisor } from '../helpers/advisor.js';
import { RedisServer, redisAvailable } from '../helpers/redisServer.js';

const ROOT = resolve(import.meta.dirname, '../..');
const DOCS_BOT = 'We are building a support chatbot that answers questions from our product docs. The docs change every week.';

describe.runIf(redisAvailable)('redis store (real redis-server)', () => {
  let server: RedisServer;
  const opened: ConversationStore[] = [];
  const open = () => {
    const store = openRedisStore(server.url, { prefix: `t${opened.length}:` });
    opened.push(store);
    return store;
  };
  const shared = (prefix: string) => {
    const store = openRedisStore(server.url, { prefix });
    opened.push(store);
    return store;
  };

  beforeAll(async () => {
    server = await RedisServer.start();
  });
  afterAll(async () => {
    await Promise.all(opened.map((store) => store.close()));
    await server.stop();
  });

  it('never loses an update when two replicas race on one conversation', async () => {
    const a = shared('race:');
    const b = shared('race:');
    const fields = ['task', 'knowledgeNeed', 'behaviourNeed', 'citations', 'latency', 'deployment'] as const;
    const values = ['qa', 'proprietary', 'strict', 'required', 'realtime', 'on-device'];
    await Promise.all(
      fields.map((field, index) =>
        (index % 2 === 0 ? a : b).update('c1', async (state) => {
          await new Promise((resolveTick) => setImmediate(resolveTick));
          return { state: { ...state, profile: { ...state.profile, [field]: values[index] } }, value: null };
        }),
      ),
    );
    const saved = await a.get('c1');
    expect(Object.keys(saved?.profile ?? {}).sort()).toEqual([...fields].sort());
    expect(saved?.version).toBe(fields.length);
  });

  it('claims a platform event once across replicas', async () => {
    const a = shared('events:');
    const b = shared('events:');
    const claims = await Promise.all([a.claimEvent('Ev1'), b.claimEvent('Ev1'), a.claimEvent('Ev1')]);
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('a conversation alternating between two replicas ends with the right profile and recommendation', async () => {
    const replicaA = makeAdvisor(shared('alt:'));
    const replicaB = makeAdvisor(shared('alt:'));
    const first = await chat(replicaA, 'slack:T:C:1').say(DOCS_BOT);
    expect(first.question?.field).toBe('behaviourNeed');
    const answers: Record<string, string> = { behaviourNeed: 'strict', labeledExamples: '1,000 or more', mlCapacity: 'some' };
    let reply = first;
    let turn = 0;
    while (reply.question && turn < 6) {
      turn += 1;
      reply = await chat(turn % 2 === 1 ? replicaB : replicaA, 'slack:T:C:1').say(answers[reply.question.field] ?? 'not sure');
    }
    expect(turn).toBeGreaterThanOrEqual(2);
    expect(reply.result?.recommendation).toBe('hybrid');
    expect(reply.result?.profile).toMatchObject({ task: 'qa', knowledgeNeed: 'proprietary', knowledgeFreshness: 'weekly', behaviourNeed: 'strict', labeledExamples: 'thousands' });
    const summary = await chat(replicaA, 'slack:T:C:1').say('summary');
    expect(summary.text).toContain('Hybrid (fine-tuning + RAG)');
  });

  it('keeps decision history per user', async () => {
    const advisor = makeAdvisor(open(), 0);
    await chat(advisor, 'c2', 'U9').say('a bot answering questions from our docs, which change daily; we must cite sources; we have no labeled data');
    const history = await advisor.store.decisions('U9');
    expect(history[0]?.recommendation).toBe('rag');
  });

  it('another replica carries on after one is killed mid-conversation', async () => {
    const replica = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/replica.ts'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', REDIS_URL: server.url.replace(/\/?$/, '') }, stdio: ['pipe', 'pipe', 'inherit'] });
    const lines = createInterface({ input: replica.stdout })[Symbol.asyncIterator]();
    replica.stdin.write(`${JSON.stringify({ conversationId: 'kill:1', userId: 'U1', text: DOCS_BOT })}\n`);
    const firstReply = JSON.parse(String((await lines.next()).value)) as { question: { field: string } | null };
    expect(firstReply.question?.field).toBe('behaviourNeed');
    const exited = new Promise((resolveExit) => replica.once('exit', resolveExit));
    replica.kill('SIGKILL');
    await exited;
    // The replica process used the default prefix.
    const survivor = makeAdvisor(openRedisStore(server.url));
    const reply = await chat(survivor, 'kill:1').say('No particular rules');
    expect(reply.result?.recommendation).toBe('rag');
    await survivor.store.close();
  });

  it('while Redis is down replies with a clear error and changes nothing; recovers after a restart', async () => {
    const advisor = makeAdvisor(shared('down:'));
    const user = chat(advisor, 'down:1');
    await user.say(DOCS_BOT);
    await server.stop();
    const during = await user.say('strict');
    expect(during.kind).toBe('notice');
    expect(during.text).toMatch(/can’t reach my conversation memory/);
    expect(during.text).toMatch(/send it again/);
    await server.run();
    // In-memory Redis lost its data on restart: the conversation starts fresh but works.
    let after = await user.say(DOCS_BOT);
    for (let attempt = 0; after.kind === 'notice' && attempt < 50; attempt += 1) {
      await new Promise((resolveTick) => setTimeout(resolveTick, 100));
      after = await user.say(DOCS_BOT);
    }
    expect(after.question?.field).toBe('behaviourNeed');
  });
});
