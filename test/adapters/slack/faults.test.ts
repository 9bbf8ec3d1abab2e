import { afterEach, describe, expect, it } from 'vitest';
import { BOT_USER_ID, TEAM_ID } from './helpers/fake-slack.js';
import { BOT_TOKEN, invalidMessages, SIGNING_SECRET, startHarness, type Harness } from './helpers/harness.js';
import { mentionEvent, messageEvent, nextTs, signature } from './helpers/slack-requests.js';

const DESCRIPTION = 'a support bot answering questions from our internal docs, which change weekly';

let h: Harness;

afterEach(async () => {
  try {
    expect(invalidMessages(h.fake)).toEqual([]);
  } finally {
    await h.close();
  }
});

function secretsIn(text: string): string[] {
  return [BOT_TOKEN, SIGNING_SECRET, BOT_TOKEN.slice(5)].filter((secret) => text.includes(secret));
}

describe('request verification', () => {
  it('answers Slack\'s URL verification challenge when the request URL is saved', async () => {
    h = await startHarness();
    const response = await h.send.send(JSON.stringify({ token: 'legacy', challenge: 'challenge-3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P', type: 'url_verification' }), 'application/json');
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ challenge: 'challenge-3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
  });

  it('rejects a bad signature with 401 and does nothing', async () => {
    h = await startHarness();
    const response = await h.send.event(mentionEvent({ user: 'U0DANA', channel: 'C0PROJ', text: `<@${BOT_USER_ID}> ${DESCRIPTION}` }), { signature: `v0=${'0'.repeat(64)}` });
    expect(response.status).toBe(401);
    await h.logs.waitFor((entry) => String(entry.msg).includes('signature mismatch'), 'the rejection logged');
    expect(h.fake.calls.filter((call) => call.method !== 'auth.test')).toEqual([]);
    expect(secretsIn(h.logs.text())).toEqual([]);
  });

  it('rejects a correctly signed request whose timestamp is stale (replay)', async () => {
    h = await startHarness();
    const body = JSON.stringify({ type: 'event_callback', team_id: TEAM_ID, event_id: 'Ev0STALE', event: mentionEvent({ user: 'U0DANA', channel: 'C0PROJ', text: `<@${BOT_USER_ID}> hi` }) });
    const stale = Math.floor(Date.now() / 1000) - 10 * 60;
    const response = await h.send.send(body, 'application/json', { timestamp: stale, signature: signature(SIGNING_SECRET, stale, body) });
    expect(response.status).toBe(401);
    await h.logs.waitFor((entry) => String(entry.msg).includes('stale'), 'the stale request logged');
    expect(await h.store.claimEvent('slack:Ev0STALE')).toBe(true);
  });

  it('rejects a slash command signed with another secret', async () => {
    h = await startHarness();
    const form = new URLSearchParams({ command: '/advise', text: DESCRIPTION, user_id: 'U0DANA', channel_id: 'C0PROJ', team_id: TEAM_ID, response_url: 'http://127.0.0.1:9/x' }).toString();
    const now = Math.floor(Date.now() / 1000);
    const response = await h.send.send(form, 'application/x-www-form-urlencoded', { timestamp: now, signature: signature('another-secret', now, form) });
    expect(response.status).toBe(401);
  });
});

describe('Web API faults', () => {
  it('retries a rate-limited reply (429, retry-after: 0) and delivers it', async () => {
    h = await startHarness((fake) => fake.script('chat.postMessage', { status: 429, headers: { 'retry-after': '0' }, body: { ok: false, error: 'ratelimited' } }));
    const ts = nextTs();
    await h.send.event(mentionEvent({ user: 'U0DANA', channel: 'C0PROJ', ts, text: `<@${BOT_USER_ID}> ${DESCRIPTION}` }));
    const delivered = await h.fake.waitForDelivered('chat.postMessage', (body) => body.thread_ts === ts);
    const attempts = h.fake.calls.filter((call) => call.method === 'chat.postMessage');
    expect(attempts.map((call) => call.status)).toEqual([429, 200]);
    expect(attempts[0]?.body).toEqual(delivered.body);
    expect(String(delivered.body.text)).toContain('Knowledge the model lacks');
  });

  it('retries server errors; when the reply finally fails it logs without the token and keeps the conversation', async () => {
    // A proxy echoing the request (token included) into its error page: the logs must still not show it.
    const failure = { status: 500, body: { ok: false, error: 'internal_error', echo: `Authorization: Bearer ${BOT_TOKEN}` } };
    h = await startHarness((fake) => fake.script('chat.postMessage', failure, failure, failure));
    const ts = nextTs();
    await h.send.event(mentionEvent({ user: 'U0DANA', channel: 'C0PROJ', ts, text: `<@${BOT_USER_ID}> ${DESCRIPTION}` }));

    const logged = await h.logs.waitFor((entry) => entry.msg === 'Slack chat.postMessage failed', 'the failed reply logged');
    expect(logged.level).toBe(50);
    expect(logged).toMatchObject({ channel: 'C0PROJ', threadTs: ts, error: { status: 500 } });
    expect(h.fake.calls.filter((call) => call.method === 'chat.postMessage').map((call) => call.status)).toEqual([500, 500, 500]);
    expect(secretsIn(h.logs.text())).toEqual([]);

    const conversation = `slack:${TEAM_ID}:C0PROJ:${ts}`;
    const state = await h.store.get(conversation);
    expect(state?.profile).toEqual({ task: 'qa', knowledgeNeed: 'proprietary', knowledgeFreshness: 'weekly' });
    expect(state?.pendingField).toBe('behaviourNeed');

    // Slack is back: the next message in the thread continues from the saved state.
    await h.send.event(messageEvent({ user: 'U0DANA', channel: 'C0PROJ', threadTs: ts, text: 'no particular rules' }));
    const reply = await h.fake.waitForDelivered('chat.postMessage', (body) => body.thread_ts === ts);
    expect(String(reply.body.text)).toContain('*Recommendation*');
    expect((await h.store.get(conversation))?.profile.behaviourNeed).toBe('none');
  });

  it('logs a failed response_url reply for /advise without secrets', async () => {
    h = await startHarness();
    h.fake.script('response_url:gone', { status: 404, body: { ok: false, error: 'expired_url' } });
    const ack = await h.send.command({ text: DESCRIPTION, userId: 'U0DANA', channel: 'C0PROJ', responseUrl: h.fake.responseUrl('gone') });
    expect(ack.status).toBe(200);
    const logged = await h.logs.waitFor((entry) => entry.msg === 'Slack response_url reply failed', 'the failed response logged');
    expect(logged.error).toMatchObject({ status: 404 });
    expect(secretsIn(h.logs.text())).toEqual([]);
  });
});
