/**
 * HTTP mode as `npm start` runs it: Bolt's receiver on the main thread acknowledges, the answer thread (a
 * worker thread with its own SQLite connection) answers through the fake Web API.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnswerThread } from '../../../adapters/slack/answer-thread.js';
import { BUSY_TEXT, EVENTS_PATH, startSlack, type RunningSlack } from '../../../adapters/slack/index.js';
import { loadConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/log.js';
import { makeAdvisor } from '../../helpers/advisor.js';
import { freePort } from '../../helpers/ports.js';
import { tempDir } from '../../helpers/tempDir.js';
import { BOT_USER_ID, FakeSlack, TEAM_ID } from './helpers/fake-slack.js';
import { BOT_TOKEN, LogCapture, SIGNING_SECRET } from './helpers/harness.js';
import { clickPayload, mentionEvent, nextTs, SlackSender } from './helpers/slack-requests.js';

const DESCRIPTION = 'a support bot answering questions from our internal docs, which change weekly';

describe('Slack HTTP mode with the answer thread', () => {
  let fake: FakeSlack;
  let running: RunningSlack | undefined;
  let logs: LogCapture;
  let send: SlackSender;

  async function start(extra: Record<string, string> = {}): Promise<RunningSlack> {
    const port = await freePort();
    const db = join(tempDir('advisor-answer-thread'), 'advisor.db');
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_PORT: String(port), SLACK_API_URL: fake.apiUrl, ADVISOR_DB: db, ...extra });
    running = await startSlack({ config, advisor: makeAdvisor(), logger: createLogger('info', logs.stream) });
    send = new SlackSender(`http://127.0.0.1:${port}${EVENTS_PATH}`, SIGNING_SECRET);
    return running;
  }

  function mention(ts: string, text: string, user = 'U0DANA') {
    return mentionEvent({ user, channel: 'C0PROJ', ts, text: `<@${BOT_USER_ID}> ${text}` });
  }

  beforeEach(async () => {
    fake = new FakeSlack();
    await fake.start();
    logs = new LogCapture();
  });

  afterEach(async () => {
    await running?.stop();
    running = undefined;
    await fake.stop();
  });

  it('acknowledges with an empty 200 and answers in the thread; a conversation continues across messages', async () => {
    await start();
    const ts = nextTs();
    const ack = await send.event(mention(ts, DESCRIPTION));
    expect(ack).toMatchObject({ status: 200, text: '' });
    const first = await fake.waitForDelivered('chat.postMessage', (body) => body.thread_ts === ts);
    expect(String(first.body.text)).toContain('Knowledge the model lacks');

    expect((await send.event(mentionEvent({ user: 'U0DANA', channel: 'C0PROJ', ts: nextTs(), threadTs: ts, text: `<@${BOT_USER_ID}> show profile` }))).status).toBe(200);
    const profile = await fake.waitForDelivered('chat.postMessage', (body) => body.thread_ts === ts && String(body.text).includes('Project profile'));
    expect(String(profile.body.text)).toMatch(/How often that knowledge changes[^\n]*Weekly/);
  });

  it('the front answers the URL challenge and turns away bad signatures before anything reaches the thread', async () => {
    const slack = await start();
    const challenge = await send.send(JSON.stringify({ token: 'legacy', challenge: 'challenge-front-1', type: 'url_verification' }), 'application/json');
    expect(challenge.status).toBe(200);
    expect(JSON.parse(challenge.text)).toEqual({ challenge: 'challenge-front-1' });

    const forged = await send.event(mention(nextTs(), DESCRIPTION), { signature: `v0=${'0'.repeat(64)}` });
    expect(forged.status).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 10 * 60;
    expect((await send.event(mention(nextTs(), DESCRIPTION), { timestamp: stale })).status).toBe(401);
    expect(slack.answers?.backlog).toBe(0);
    expect(fake.calls.filter((call) => call.method !== 'auth.test')).toEqual([]);
    expect(logs.text()).not.toContain(SIGNING_SECRET);
  });

  it('answers an event Slack delivers twice only once', async () => {
    const slack = await start();
    const ts = nextTs();
    const eventId = `Ev${ts.replace('.', '')}`;
    expect((await send.event(mention(ts, 'help'), { eventId })).status).toBe(200);
    expect((await send.event(mention(ts, 'help'), { eventId, retryNum: 1 })).status).toBe(200);
    await slack.answers?.idle(10_000);
    expect(slack.answers?.backlog).toBe(0);
    expect(fake.delivered('chat.postMessage').filter((call) => call.body.thread_ts === ts)).toHaveLength(1);
    expect(logs.entries().find((entry) => entry.msg === 'duplicate Slack event ignored')).toMatchObject({ retryNum: 1, thread: 'answers' });
  });

  it('answers /advise through the response_url, and a button press on the answer', async () => {
    const slack = await start();
    const responseUrl = fake.responseUrl('cmd');
    const ack = await send.command({ text: DESCRIPTION, userId: 'U0DANA', channel: 'C0PROJ', responseUrl });
    expect(ack).toMatchObject({ status: 200, text: '' });
    const assessment = await fake.waitFor((call) => call.method === 'response_url:cmd', 'the /advise assessment');
    expect(assessment.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(assessment.body)).toContain('RAG');

    const click = clickPayload({ posted: { ...assessment, body: { ...assessment.body, channel: 'C0PROJ' } }, ts: nextTs(), label: 'Post summary to channel', user: 'U0DANA', responseUrl: fake.responseUrl('click'), ephemeral: true });
    expect((await send.interaction(click))).toMatchObject({ status: 200, text: '' });
    const posted = await fake.waitForDelivered('chat.postMessage', (body) => body.channel === 'C0PROJ');
    expect(String(posted.body.text)).toContain('*Decision summary*');
    expect(String(posted.body.text)).toContain('posted by <@U0DANA>');
    await slack.answers?.idle(10_000);
  });

  it('with a full backlog, turns events away with 503 and /advise with a busy note, and loses none it accepted', async () => {
    const slack = await start({ SLACK_MAX_BACKLOG: '1' });
    const held = fake.hold('chat.postMessage');
    const first = nextTs();
    expect((await send.event(mention(first, DESCRIPTION))).status).toBe(200);
    await held.arrived;

    const second = nextTs();
    const eventId = `Ev${second.replace('.', '')}`;
    const refused = await send.event(mention(second, 'help'), { eventId });
    expect(refused.status).toBe(503);
    const busy = await send.command({ text: DESCRIPTION, userId: 'U0DANA', channel: 'C0PROJ', responseUrl: fake.responseUrl('busy') });
    expect(busy).toMatchObject({ status: 200, text: BUSY_TEXT });
    expect(logs.entries().filter((entry) => entry.msg?.startsWith('Slack answer backlog is full'))).toHaveLength(1);

    held.release();
    const answered = await fake.waitForDelivered('chat.postMessage', (body) => body.thread_ts === first);
    expect(String(answered.body.text)).toContain('Knowledge the model lacks');
    await slack.answers?.idle(10_000);

    // Slack delivers the refused event again later; now there is room.
    expect((await send.event(mention(second, 'help'), { eventId, retryNum: 1 })).status).toBe(200);
    const late = await fake.waitForDelivered('chat.postMessage', (body) => body.thread_ts === second);
    expect(String(late.body.text)).toContain('I help your team choose');
    expect(fake.calls.some((call) => call.method === 'response_url:busy')).toBe(false);
    await logs.waitFor((entry) => entry.msg === 'Slack answer backlog has room again', 'the recovery note');
  });

  it('starts the answer thread again when it dies mid-answer, and the message is still answered', async () => {
    const slack = await start();
    const held = fake.hold('chat.postMessage');
    const ts = nextTs();
    expect((await send.event(mention(ts, DESCRIPTION))).status).toBe(200);
    await held.arrived;

    await slack.answers?.currentWorker?.terminate();
    held.release();
    await logs.waitFor((entry) => entry.msg === 'Slack answer thread running again', 'the restart');
    const reply = await fake.waitForDelivered('chat.postMessage', (body) => body.thread_ts === ts);
    expect(String(reply.body.text)).toContain('Knowledge the model lacks');
    await slack.answers?.idle(10_000);
    expect(fake.delivered('chat.postMessage').filter((call) => call.body.thread_ts === ts)).toHaveLength(1);
    expect(logs.entries().find((entry) => entry.msg?.startsWith('Slack answer thread stopped unexpectedly'))).toMatchObject({ unfinished: 1 });
    expect(logs.text()).not.toContain(BOT_TOKEN);
  });

  it('stops cleanly, reporting what it could not answer, when the thread died and cannot start again', async () => {
    const db = join(tempDir('advisor-answer-thread'), 'advisor.db');
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, ADVISOR_DB: db });
    const answers = await AnswerThread.start({ config, logger: createLogger('info', logs.stream), capacity: 10, drainMs: 200 });
    const held = fake.hold('chat.postMessage');
    const ts = nextTs();
    answers.accept({ body: { type: 'event_callback', team_id: TEAM_ID, api_app_id: 'A0APP', event_id: 'Ev0DEAD', event: mention(ts, DESCRIPTION), authorizations: [{ team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true }] } });
    await held.arrived;
    // From now on Slack refuses the token, so the thread cannot start again.
    fake.script('auth.test', ...Array.from({ length: 5 }, () => ({ status: 200, body: { ok: false, error: 'invalid_auth' } })));
    await answers.currentWorker?.terminate();
    held.release();
    await logs.waitFor((entry) => entry.msg === 'Slack answer thread could not start again; retrying', 'the failed restart');
    await answers.stop();
    expect(logs.entries().find((entry) => entry.msg === 'stopping before every acknowledged Slack request was answered')).toMatchObject({ unanswered: 1 });
  });

  it('answers what it acknowledged before it stops, waking everyone who waits for that', async () => {
    const slack = await start();
    const ts = nextTs();
    const held = fake.hold('chat.postMessage');
    expect((await send.event(mention(ts, 'help'))).status).toBe(200);
    await held.arrived;
    // A health check waiting for the backlog to empty, and the shutdown doing the same.
    const watching = slack.answers?.idle(60_000);
    const stopping = slack.stop();
    running = undefined;
    held.release();
    await Promise.all([watching, stopping]);
    expect(fake.delivered('chat.postMessage').filter((call) => call.body.thread_ts === ts)).toHaveLength(1);
  });
});
