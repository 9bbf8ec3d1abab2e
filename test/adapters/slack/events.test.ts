import { describe, expect, it } from 'vitest';
import { BOT_USER_ID, TEAM_ID } from './helpers/fake-slack.js';
import { BOT_TOKEN, useHarness } from './helpers/harness.js';
import { buttonsOf, mentionEvent, messageEvent, nextTs } from './helpers/slack-requests.js';

const DESCRIPTION = 'a support bot answering questions from our internal docs, which change weekly';

const harness = useHarness();

function repliesIn(threadTs: string) {
  return harness.current.fake.delivered('chat.postMessage').filter((call) => call.body.thread_ts === threadTs);
}

async function startConversation(channel = 'C0PROJ'): Promise<string> {
  const ts = nextTs();
  const response = await harness.current.send.event(mentionEvent({ user: 'U0DANA', channel, ts, text: `<@${BOT_USER_ID}> ${DESCRIPTION}` }));
  expect(response.status).toBe(200);
  await harness.current.fake.waitForDelivered('chat.postMessage', (body) => body.thread_ts === ts);
  return ts;
}

describe('Slack events', () => {
  it('answers a mention in the thread of the mentioning message, with a follow-up question as buttons', async () => {
    const ts = nextTs();
    const response = await harness.current.send.event(mentionEvent({ user: 'U0DANA', channel: 'C0PROJ', ts, text: `<@${BOT_USER_ID}> ${DESCRIPTION}` }));
    expect(response.status).toBe(200);

    const reply = await harness.current.fake.waitForDelivered('chat.postMessage', (body) => body.thread_ts === ts);
    expect(reply.body.channel).toBe('C0PROJ');
    expect(reply.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(String(reply.body.text)).toContain('Knowledge the model lacks: Yes, our own documents or databases');
    expect(String(reply.body.text)).not.toContain(BOT_USER_ID);
    const labels = buttonsOf(reply.body).map((button) => button.text.text);
    expect(labels).toEqual(['No particular rules', 'Some, a prompt can describe them', 'Strict rules that prompting does not hold reliably', 'Not sure']);

    const state = await harness.current.store.get(`slack:${TEAM_ID}:C0PROJ:${ts}`);
    expect(state?.profile).toMatchObject({ task: 'qa', knowledgeNeed: 'proprietary', knowledgeFreshness: 'weekly' });
    expect(state?.pendingField).toBe('behaviourNeed');
  });

  it('works in a DM without a mention, in the thread of the message', async () => {
    const ts = nextTs();
    await harness.current.send.event(messageEvent({ user: 'U0DANA', channel: 'D0DM', channelType: 'im', ts, text: DESCRIPTION }));
    const reply = await harness.current.fake.waitForDelivered('chat.postMessage', (body) => body.channel === 'D0DM');
    expect(reply.body.thread_ts).toBe(ts);
    expect(buttonsOf(reply.body).at(-1)?.text.text).toBe('Not sure');
    expect(await harness.current.advisor.hasConversation(`slack:${TEAM_ID}:D0DM:${ts}`)).toBe(true);
  });

  it('continues a conversation from a thread message without a new mention', async () => {
    const root = await startConversation();
    await harness.current.send.event(messageEvent({ user: 'U0DANA', channel: 'C0PROJ', threadTs: root, text: 'no particular rules, plain answers are fine' }));
    const reply = await harness.current.fake.waitForDelivered('chat.postMessage', (body) => body.thread_ts === root && String(body.text).includes('Tone, format or style rules: No particular rules'));
    expect(String(reply.body.text)).toMatch(/RAG \(retrieval-augmented generation\)/);
    expect(buttonsOf(reply.body).map((button) => button.text.text)).toEqual(['Why?', 'Post decision summary']);
    expect((await harness.current.store.get(`slack:${TEAM_ID}:C0PROJ:${root}`))?.phase).toBe('recommended');
  });

  it('treats a thread reply also sent to the channel (thread_broadcast) as a follow-up', async () => {
    const root = await startConversation();
    await harness.current.send.event(messageEvent({ user: 'U0DANA', subtype: 'thread_broadcast', channel: 'C0PROJ', threadTs: root, text: 'strict rules, prompting does not hold our tone' }));
    await harness.current.fake.waitForDelivered('chat.postMessage', (body) => body.thread_ts === root && String(body.text).includes('Tone, format or style rules: Strict'));
    expect((await harness.current.store.get(`slack:${TEAM_ID}:C0PROJ:${root}`))?.profile.behaviourNeed).toBe('strict');
  });

  it('continues the conversation when mentioned again inside its thread', async () => {
    const root = await startConversation();
    await harness.current.send.event(mentionEvent({ user: 'U0LEE', channel: 'C0PROJ', threadTs: root, text: `<@${BOT_USER_ID}> show profile` }));
    const reply = await harness.current.fake.waitForDelivered('chat.postMessage', (body) => body.thread_ts === root && String(body.text).includes('Project profile'));
    expect(String(reply.body.text)).toContain('How often that knowledge changes: Weekly');
  });

  it('ignores bots, its own posts, edits, other subtypes, top-level chatter and threads it does not hold', async () => {
    const root = await startConversation();
    const before = repliesIn(root).length;
    const ignored = [
      messageEvent({ user: 'U0OTHERBOT', bot_id: 'B0OTHER', channel: 'C0PROJ', threadTs: root, text: 'I am a bot' }),
      messageEvent({ user: BOT_USER_ID, bot_id: 'BBOT', channel: 'C0PROJ', threadTs: root, text: 'my own reply' }),
      messageEvent({ user: 'U0DANA', subtype: 'message_changed', channel: 'C0PROJ', threadTs: root, text: 'edited' }),
      messageEvent({ user: 'U0DANA', channel: 'C0PROJ', threadTs: root, text: 'strict rules', edited: { user: 'U0DANA', ts: nextTs() } }),
      messageEvent({ user: 'U0DANA', subtype: 'file_share', channel: 'C0PROJ', threadTs: root, text: 'a file' }),
      messageEvent({ user: 'U0DANA', channel: 'C0PROJ', text: 'top-level chatter about RAG' }),
      messageEvent({ user: 'U0DANA', channel: 'C0PROJ', threadTs: nextTs(), text: 'a thread the bot is not in' }),
      messageEvent({ user: 'U0DANA', channel: 'C0PROJ', threadTs: root, text: `<@${BOT_USER_ID}> strict rules` }),
      { ...mentionEvent({ user: 'U0OTHERBOT', channel: 'C0PROJ', text: `<@${BOT_USER_ID}> hi` }), bot_id: 'B0OTHER' },
    ];
    for (const event of ignored) expect((await harness.current.send.event(event)).status).toBe(200);

    const reasons = ['bot', 'self', 'subtype:message_changed', 'edited', 'subtype:file_share', 'channel-top-level', 'not-a-bot-thread', 'mention-handled-as-app_mention', 'bot'];
    for (const reason of new Set(reasons)) {
      await harness.current.logs.waitFor((entry) => entry.msg === 'Slack message ignored' && entry.reason === reason, `ignored (${reason})`);
    }
    const ignoredCount = () => harness.current.logs.entries().filter((entry) => entry.msg === 'Slack message ignored').length;
    await harness.current.logs.waitFor(() => ignoredCount() >= reasons.length, `${reasons.length} ignored events`);
    expect(repliesIn(root)).toHaveLength(before);
    expect((await harness.current.store.get(`slack:${TEAM_ID}:C0PROJ:${root}`))?.profile.behaviourNeed).toBeUndefined();
  });

  it('answers a bare mention with help and opens the thread for follow-ups', async () => {
    const ts = nextTs();
    await harness.current.send.event(mentionEvent({ user: 'U0DANA', channel: 'C0PROJ', ts, text: `<@${BOT_USER_ID}>` }));
    const help = await harness.current.fake.waitForDelivered('chat.postMessage', (body) => body.thread_ts === ts);
    expect(String(help.body.text)).toContain('Describe your project');
    await harness.current.send.event(messageEvent({ user: 'U0DANA', channel: 'C0PROJ', threadTs: ts, text: DESCRIPTION }));
    const next = await harness.current.fake.waitForDelivered('chat.postMessage', (body) => body.thread_ts === ts && String(body.text).includes('Here is what I understood'));
    expect(buttonsOf(next.body).length).toBeGreaterThan(1);
  });

  it('handles a redelivered event (same event_id, X-Slack-Retry-Num) once', async () => {
    const ts = nextTs();
    const event = mentionEvent({ user: 'U0DANA', channel: 'C0PROJ', ts, text: `<@${BOT_USER_ID}> ${DESCRIPTION}` });
    expect((await harness.current.send.event(event, { eventId: 'Ev0RETRY1' })).status).toBe(200);
    await harness.current.fake.waitForDelivered('chat.postMessage', (body) => body.thread_ts === ts);

    expect((await harness.current.send.event(event, { eventId: 'Ev0RETRY1', retryNum: 1 })).status).toBe(200);
    expect((await harness.current.send.event(event, { eventId: 'Ev0RETRY1', retryNum: 2 })).status).toBe(200);
    const duplicate = await harness.current.logs.waitFor((entry) => entry.msg === 'duplicate Slack event ignored' && entry.retryNum === 2, 'the second redelivery ignored');
    expect(duplicate.eventId).toBe('Ev0RETRY1');
    await harness.current.logs.waitFor((entry) => entry.msg === 'duplicate Slack event ignored' && entry.retryNum === 1, 'the first redelivery ignored');

    expect(repliesIn(ts)).toHaveLength(1);
    expect((await harness.current.store.get(`slack:${TEAM_ID}:C0PROJ:${ts}`))?.questionsAsked).toBe(1);
  });
});
