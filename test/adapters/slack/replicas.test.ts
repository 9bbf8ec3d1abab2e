import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRedisStore } from '../../../src/store/redis.js';
import { RedisServer, redisAvailable } from '../../helpers/redisServer.js';
import { BOT_USER_ID, FakeSlack } from './helpers/fake-slack.js';
import { startHarness, type Harness } from './helpers/harness.js';
import { mentionEvent, nextTs } from './helpers/slack-requests.js';

describe.runIf(redisAvailable)('two Slack replicas sharing Redis', () => {
  let redis: RedisServer;
  let fake: FakeSlack;
  let replicas: Harness[];

  beforeAll(async () => {
    redis = await RedisServer.start();
    fake = new FakeSlack();
    await fake.start();
    replicas = [
      await startHarness(undefined, { fake, store: openRedisStore(redis.url, { prefix: 'slack:' }) }),
      await startHarness(undefined, { fake, store: openRedisStore(redis.url, { prefix: 'slack:' }) }),
    ];
  });
  afterAll(async () => {
    for (const replica of replicas) {
      await replica.close();
      await replica.store.close();
    }
    await fake.stop();
    await redis.stop();
  });

  it('answers the same event delivered to both replicas once, and continues the thread on either', async () => {
    const ts = nextTs();
    const event = mentionEvent({ user: 'U0DANA', channel: 'C0PROJ', ts, text: `<@${BOT_USER_ID}> a support bot answering questions from our internal docs, which change weekly` });
    const [first, second] = replicas;
    if (!first || !second) throw new Error('replicas missing');
    const eventId = `Ev${ts.replace('.', '')}`;
    const responses = await Promise.all([first.send.event(event, { eventId }), second.send.event(event, { eventId, retryNum: 1 })]);
    expect(responses.map((response) => response.status)).toEqual([200, 200]);
    await fake.waitForDelivered('chat.postMessage', (body) => body.thread_ts === ts);
    // One replica handles it; the other finds the event already claimed in Redis.
    await Promise.race(replicas.map((replica) => replica.logs.waitFor((entry) => entry.msg === 'duplicate Slack event ignored', 'the duplicate skipped')));
    expect(fake.delivered('chat.postMessage').filter((call) => call.body.thread_ts === ts)).toHaveLength(1);

    await second.send.event(mentionEvent({ user: 'U0DANA', channel: 'C0PROJ', ts: nextTs(), threadTs: ts, text: 'strict' }));
    const answer = await fake.waitForDelivered('chat.postMessage', (body) => body.thread_ts === ts && String(body.text).includes('Strict rules'));
    expect(String(answer.body.text)).toContain('Hybrid (fine-tuning + RAG)');
  });
});
