import { describe, expect, it } from 'vitest';
import { decodeCarryOver } from '../../../adapters/slack/values.js';
import { TEAM_ID, type RecordedCall } from './helpers/fake-slack.js';
import { useHarness } from './helpers/harness.js';
import { buttonsOf, clickPayload, messageEvent, nextTs } from './helpers/slack-requests.js';

const DESCRIPTION = 'a support bot answering questions from our internal docs, which change weekly';
const CHANNEL = 'C0PROJ';

const harness = useHarness();

/** Runs `/advise <text>`; checks the ack (200, empty, under 3 s) and resolves with what arrived at the response_url. */
async function advise(text: string, user = 'U0DANA'): Promise<RecordedCall> {
  const id = `advise-${nextTs()}`;
  const ack = await harness.current.send.command({ text, userId: user, channel: CHANNEL, responseUrl: harness.current.fake.responseUrl(id) });
  expect(ack.status).toBe(200);
  expect(ack.elapsedMs).toBeLessThan(3000);
  expect(ack.text).toBe('');
  return harness.current.fake.waitFor((call) => call.method === `response_url:${id}`, `the /advise response for "${text}"`);
}

function sectionTexts(call: RecordedCall): string {
  return (call.body.blocks as { text?: { text: string } }[]).map((block) => block.text?.text ?? '').join('\n');
}

describe('/advise', () => {
  it('acknowledges at once, then posts an ephemeral quick assessment with reasons, citations and the open question', async () => {
    const response = await advise(DESCRIPTION);
    expect(response.body.response_type).toBe('ephemeral');
    const texts = sectionTexts(response);
    expect(texts).toContain('*Recommendation*\n*RAG (retrieval-augmented generation)* — confidence 0.68');
    expect(texts).toContain('*Why*');
    expect(texts).toContain('*Most decisive open question*\nMust the model follow a particular tone, voice, format or terminology?');
    const citations = (response.body.blocks as { type: string; elements?: { text: string }[] }[]).filter((block) => block.type === 'context');
    expect(citations[0]?.elements?.[0]?.text).toMatch(/^\[1\] “.+” — .+ › .+/);
    const buttons = buttonsOf(response.body);
    expect(buttons.map((button) => button.text.text)).toEqual(['Continue in a thread', 'Post summary to channel']);
    expect(decodeCarryOver(buttons[0]?.value)).toEqual({ profile: { task: 'qa', knowledgeNeed: 'proprietary', knowledgeFreshness: 'weekly' }, description: DESCRIPTION });
    // A quick assessment stores nothing.
    expect(await harness.current.store.decisions('U0DANA')).toEqual([]);
  });

  it.each(['', 'help', '  HELP  '])('shows usage for "/advise %s"', async (text) => {
    const response = await advise(text);
    expect(response.body.response_type).toBe('ephemeral');
    expect(sectionTexts(response)).toContain('`/advise &lt;your project in a sentence or two&gt;`');
    expect(buttonsOf(response.body)).toEqual([]);
  });

  it('"Continue in a thread" posts in the channel and carries the profile into that thread\'s conversation', async () => {
    const ephemeral = await advise(DESCRIPTION);
    const payload = clickPayload({ posted: { ...ephemeral, body: { ...ephemeral.body, channel: CHANNEL } }, ts: nextTs(), label: 'Continue in a thread', user: 'U0DANA', responseUrl: harness.current.fake.responseUrl('continue'), ephemeral: true });
    expect((await harness.current.send.interaction(payload)).status).toBe(200);

    const root = await harness.current.fake.waitForDelivered('chat.postMessage', (body) => body.channel === CHANNEL && body.thread_ts === undefined);
    expect(String(root.body.text)).toContain('<@U0DANA> is choosing how to adapt a language model');
    expect(String(root.body.text)).toContain(DESCRIPTION);
    const rootTs = String(root.answer.ts);
    const first = await harness.current.fake.waitForDelivered('chat.postMessage', (body) => body.thread_ts === rootTs);
    expect(String(first.body.text)).toContain('I carried over the project profile from the quick assessment.');
    expect(buttonsOf(first.body).at(-1)?.text.text).toBe('Not sure');

    const conversation = `slack:${TEAM_ID}:${CHANNEL}:${rootTs}`;
    expect((await harness.current.store.get(conversation))?.profile).toEqual({ task: 'qa', knowledgeNeed: 'proprietary', knowledgeFreshness: 'weekly' });
    const replaced = await harness.current.fake.waitFor((call) => call.method === 'response_url:continue', 'the ephemeral replaced');
    expect(replaced.body).toMatchObject({ replace_original: true });

    // The thread is the bot's now: a reply there continues without a mention.
    await harness.current.send.event(messageEvent({ user: 'U0DANA', channel: CHANNEL, threadTs: rootTs, text: 'strict rules, prompting does not hold our tone' }));
    await harness.current.fake.waitForDelivered('chat.postMessage', (body) => body.thread_ts === rootTs && String(body.text).includes('Tone, format or style rules: Strict'));
    expect((await harness.current.store.get(conversation))?.profile.behaviourNeed).toBe('strict');
  });

  it('"Post summary to channel" posts the assessment for everyone, naming who posted it', async () => {
    const ephemeral = await advise(DESCRIPTION);
    const payload = clickPayload({ posted: { ...ephemeral, body: { ...ephemeral.body, channel: CHANNEL } }, ts: nextTs(), label: 'Post summary to channel', user: 'U0DANA', responseUrl: harness.current.fake.responseUrl('post'), ephemeral: true });
    await harness.current.send.interaction(payload);
    const posted = await harness.current.fake.waitForDelivered('chat.postMessage', (body) => body.channel === CHANNEL);
    expect(posted.body.thread_ts).toBeUndefined();
    expect(String(posted.body.text)).toContain('*Decision summary*');
    expect(String(posted.body.text)).toContain('posted by <@U0DANA>');
    expect(String(posted.body.text)).toContain('From a quick assessment');
  });

  it('says so, only to the user, when it cannot post in the channel', async () => {
    harness.current.fake.script('chat.postMessage', { status: 200, body: { ok: false, error: 'not_in_channel' } });
    const ephemeral = await advise(DESCRIPTION);
    const payload = clickPayload({ posted: { ...ephemeral, body: { ...ephemeral.body, channel: 'C0PRIVATE' } }, ts: nextTs(), label: 'Continue in a thread', user: 'U0DANA', responseUrl: harness.current.fake.responseUrl('continue'), ephemeral: true });
    await harness.current.send.interaction(payload);
    const notice = await harness.current.fake.waitFor((call) => call.method === 'response_url:continue', 'the cannot-post notice');
    expect(notice.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(notice.body.text)).toContain('/invite @advisor');
    const failure = await harness.current.logs.waitFor((entry) => entry.msg === 'Slack chat.postMessage failed', 'the failure logged');
    expect(failure.error).toMatchObject({ slackError: 'not_in_channel' });
  });
});
