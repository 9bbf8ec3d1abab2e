import { describe, expect, it } from 'vitest';
import { NO_DECISION_TEXT } from '../../../adapters/slack/conversation.js';
import { BOT_USER_ID, TEAM_ID, type RecordedCall } from './helpers/fake-slack.js';
import { useHarness } from './helpers/harness.js';
import { buttonsOf, clickPayload, mentionEvent, messageEvent, nextTs, shortcutPayload } from './helpers/slack-requests.js';

const DESCRIPTION = 'a support bot answering questions from our internal docs, which change weekly';
const CHANNEL = 'C0PROJ';

const harness = useHarness();

/** A mention that leaves one question open; resolves with the thread root and the question message. */
async function openQuestion(user = 'U0DANA'): Promise<{ root: string; question: RecordedCall }> {
  const root = nextTs();
  await harness.current.send.event(mentionEvent({ user, channel: CHANNEL, ts: root, text: `<@${BOT_USER_ID}> ${DESCRIPTION}` }));
  const question = await harness.current.fake.waitForDelivered('chat.postMessage', (body) => body.thread_ts === root);
  return { root, question };
}

async function click(posted: RecordedCall, label: string, user = 'U0DANA') {
  const response = await harness.current.send.interaction(clickPayload({ posted, ts: String(posted.answer.ts), label, user, responseUrl: harness.current.fake.responseUrl(`click-${nextTs()}`) }));
  expect(response.status).toBe(200);
  return response;
}

/** A conversation through to a recommendation; resolves with the recommendation message. */
async function recommend(user = 'U0DANA'): Promise<{ root: string; recommendation: RecordedCall }> {
  const { root, question } = await openQuestion(user);
  await click(question, 'No particular rules', user);
  const recommendation = await harness.current.fake.waitForDelivered('chat.postMessage', (body) => body.thread_ts === root && buttonsOf(body).some((button) => button.text.text === 'Why?'));
  return { root, recommendation };
}

describe('Slack buttons', () => {
  it('a choice button answers the pending question, and the question message shows who answered', async () => {
    const { root, question } = await openQuestion();
    await click(question, 'No particular rules', 'U0LEE');

    const reply = await harness.current.fake.waitForDelivered('chat.postMessage', (body) => body.thread_ts === root && body !== question.body);
    expect(reply.body.channel).toBe(CHANNEL);
    expect(String(reply.body.text)).toContain('Noted — Tone, format or style rules: No particular rules.');
    expect(String(reply.body.text)).toContain('*Recommendation*');
    expect(buttonsOf(reply.body).map((button) => [button.text.text, button.value])).toEqual([
      ['Why?', 'why'],
      ['Post decision summary', 'post-summary'],
    ]);
    const state = await harness.current.store.get(`slack:${TEAM_ID}:${CHANNEL}:${root}`);
    expect(state?.profile.behaviourNeed).toBe('none');
    expect(state?.phase).toBe('recommended');

    const update = await harness.current.fake.waitForDelivered('chat.update');
    expect(update.body).toMatchObject({ channel: CHANNEL, ts: question.answer.ts });
    expect(buttonsOf(update.body)).toEqual([]);
    expect(JSON.stringify(update.body.blocks)).toContain('<@U0LEE> answered: *No particular rules*');
  });

  it('"Not sure" skips the question; the field stays unknown and is not asked again', async () => {
    const { root, question } = await openQuestion();
    await click(question, 'Not sure');
    const reply = await harness.current.fake.waitForDelivered('chat.postMessage', (body) => body.thread_ts === root && String(body.text).includes('leave that open'));
    expect(String(reply.body.text)).not.toContain('Must the model follow a particular tone');
    const state = await harness.current.store.get(`slack:${TEAM_ID}:${CHANNEL}:${root}`);
    expect(state?.skipped).toEqual(['behaviourNeed']);
    expect(state?.profile.behaviourNeed).toBeUndefined();
  });

  it('"Why?" answers in the thread with cited passages', async () => {
    const { root, recommendation } = await recommend();
    await click(recommendation, 'Why?');
    const answer = await harness.current.fake.waitForDelivered('chat.postMessage', (body) => body.thread_ts === root && String(body.text).includes('From the sources'));
    const context = (answer.body.blocks as { type: string; elements?: { text: string }[] }[]).filter((block) => block.type === 'context');
    expect(context.length).toBeGreaterThan(0);
    expect(context[0]?.elements?.[0]?.text).toMatch(/^\[1\] “.+” — .+ › .+/);
  });
});

describe('decision summaries', () => {
  it('"Post decision summary" posts the clicking user\'s latest decision in that thread, naming who posted it', async () => {
    const { root, recommendation } = await recommend('U0DANA');
    await click(recommendation, 'Post decision summary', 'U0DANA');
    const summary = await harness.current.fake.waitForDelivered('chat.postMessage', (body) => body.thread_ts === root && String(body.text).includes('Decision summary'));
    expect(summary.body.channel).toBe(CHANNEL);
    expect(String(summary.body.text)).toContain('for <@U0DANA>; posted by <@U0DANA>');
    expect(String(summary.body.text)).toContain('RAG (retrieval-augmented generation)');
  });

  it('tells only the clicking user how to get a decision when they have none', async () => {
    const { root, recommendation } = await recommend('U0DANA');
    await click(recommendation, 'Post decision summary', 'U0NEWBIE');
    const hint = await harness.current.fake.waitForDelivered('chat.postEphemeral');
    expect(hint.body).toMatchObject({ channel: CHANNEL, user: 'U0NEWBIE', thread_ts: root });
    expect(String(hint.body.text)).toContain('You have no decision to summarize yet');
    expect(harness.current.fake.delivered('chat.postMessage').some((call) => String(call.body.text).includes('Decision summary'))).toBe(false);
  });

  it('the word "summary" in the thread posts the summary there', async () => {
    const { root } = await recommend('U0DANA');
    await harness.current.send.event(messageEvent({ user: 'U0DANA', channel: CHANNEL, threadTs: root, text: 'summary' }));
    const summary = await harness.current.fake.waitForDelivered('chat.postMessage', (body) => body.thread_ts === root && String(body.text).includes('Decision summary'));
    expect(String(summary.body.text)).toContain('posted by <@U0DANA>');
  });

  it('the message shortcut posts the summary in the thread of the message it was used on', async () => {
    await recommend('U0DANA');
    const otherRoot = nextTs();
    const messageInThread = nextTs();
    const response = await harness.current.send.interaction(shortcutPayload({ user: 'U0DANA', channel: 'C0LEADS', messageTs: messageInThread, threadTs: otherRoot, responseUrl: harness.current.fake.responseUrl('shortcut') }));
    expect(response.status).toBe(200);
    const summary = await harness.current.fake.waitForDelivered('chat.postMessage', (body) => body.channel === 'C0LEADS');
    expect(summary.body.thread_ts).toBe(otherRoot);
    expect(String(summary.body.text)).toContain('posted by <@U0DANA>');

    const topLevel = nextTs();
    await harness.current.send.interaction(shortcutPayload({ user: 'U0DANA', channel: 'C0LEADS', messageTs: topLevel, responseUrl: harness.current.fake.responseUrl('shortcut-2') }));
    const second = await harness.current.fake.waitForDelivered('chat.postMessage', (body) => body.channel === 'C0LEADS' && body.thread_ts === topLevel);
    expect(String(second.body.text)).toContain('Decision summary');
  });

  it('the shortcut tells a user with no decision, only them, how to get one', async () => {
    await harness.current.send.interaction(shortcutPayload({ user: 'U0NEWBIE', channel: 'C0LEADS', messageTs: nextTs(), responseUrl: harness.current.fake.responseUrl('shortcut') }));
    const hint = await harness.current.fake.waitFor((call) => call.method === 'response_url:shortcut', 'the ephemeral hint');
    expect(hint.body.response_type).toBe('ephemeral');
    expect(String(hint.body.text)).toBe(NO_DECISION_TEXT);
    expect(harness.current.fake.delivered('chat.postMessage')).toEqual([]);
  });

  it('the shortcut tells the user when it cannot post in that channel', async () => {
    await recommend('U0DANA');
    harness.current.fake.script('chat.postMessage', { status: 200, body: { ok: false, error: 'channel_not_found' } });
    await harness.current.send.interaction(shortcutPayload({ user: 'U0DANA', channel: 'G0PRIVATE', messageTs: nextTs(), responseUrl: harness.current.fake.responseUrl('private') }));
    const hint = await harness.current.fake.waitFor((call) => call.method === 'response_url:private', 'the cannot-post hint');
    expect(hint.body.response_type).toBe('ephemeral');
    expect(String(hint.body.text)).toContain('/invite @advisor');
  });
});
