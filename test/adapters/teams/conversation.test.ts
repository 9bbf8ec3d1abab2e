/**
 * The Teams surface end to end: the real CloudAdapter over HTTP (authentication off by the explicit flag)
 * replying through a local connector stub. No request may leave loopback.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NOT_SURE_VALUE } from '../../../src/dialog/messages.js';
import { cardOf, cardText, submitActions } from './helpers/cardValidation.js';
import { channelMention, channelSubmit, DANA, LEE, personalMessage, startHarness, type Harness } from './helpers/harness.js';
import { guardNetwork, type NetworkGuard } from './helpers/networkGuard.js';

const DOCS_BOT = 'We are building a support chatbot that answers questions from our product docs. The docs change every week.';
const THREAD = '1700000000001';
const THREAD_CONVERSATION = `19:team-channel@thread.tacv2;messageid=${THREAD}`;

let guard: NetworkGuard;
let harness: Harness;

beforeAll(() => {
  guard = guardNetwork();
});

afterAll(() => {
  guard.restore();
  expect(guard.destinations.length).toBeGreaterThan(0);
  expect(guard.nonLoopback()).toEqual([]);
});

beforeEach(async () => {
  harness = await startHarness();
});

afterEach(async () => {
  await harness.close();
});

/** Posts an activity, checks Teams would get 200, and returns the bot's next delivered message. */
async function exchange(activity: object, nth: number) {
  const response = await harness.post(activity);
  expect(response.status).toBe(200);
  return harness.stub.nthMessage(nth);
}

describe('personal chat', () => {
  it('answers a project description with a question card: one button per choice plus "Not sure", after a typing indicator', async () => {
    const call = await exchange(personalMessage({ serviceUrl: harness.stub.url, text: DOCS_BOT, id: 'p-1' }), 1);
    expect(call.conversationId).toBe('a:personal-dana');
    expect(call.replyToId).toBe('p-1');
    const card = cardOf(call.activity);
    expect(card.version).toBe('1.5');
    expect(cardText(card)).toContain('How often that knowledge changes: Weekly');
    expect(cardText(card)).toContain('Must the model follow a particular tone, voice, format or terminology?');
    expect(submitActions(card)).toEqual([
      { title: 'No particular rules', data: { field: 'behaviourNeed', value: 'none' } },
      { title: 'Some, a prompt can describe them', data: { field: 'behaviourNeed', value: 'light' } },
      { title: 'Strict rules that prompting does not hold reliably', data: { field: 'behaviourNeed', value: 'strict' } },
      { title: 'Not sure', data: { field: 'behaviourNeed', value: NOT_SURE_VALUE } },
    ]);
    const typing = harness.stub.calls.findIndex((each) => each.activity.type === 'typing');
    const reply = harness.stub.calls.indexOf(call);
    expect(typing).toBeGreaterThanOrEqual(0);
    expect(typing).toBeLessThan(reply);
  });

  it('takes a card submit (activity.value, no text) as the answer and recommends with reasons, disagreements, changes, citations and actions', async () => {
    await exchange(personalMessage({ serviceUrl: harness.stub.url, text: DOCS_BOT }), 1);
    const call = await exchange(personalMessage({ serviceUrl: harness.stub.url, value: { field: 'behaviourNeed', value: 'none' } }), 2);
    const card = cardOf(call.activity);
    const text = cardText(card);
    const decision = await harness.advisor.latestDecision(`teams:${DANA.aadObjectId}`);
    expect(decision?.recommendation).toBe('rag');
    expect(text).toContain(`**RAG (retrieval-augmented generation)** — confidence ${decision?.confidence.toFixed(2)}`);
    for (const heading of ['Recommendation', 'Why', 'Where the sources disagree', 'What would change it', 'What I understood']) {
      expect(text).toMatch(new RegExp(`^${heading}$`, 'm'));
    }
    expect(text).toMatch(/\*\*\[1\]\*\* “.+” — _.+ › .+_/);
    expect(submitActions(card)).toEqual([
      { title: 'Why?', data: { action: 'why' } },
      { title: 'Post decision summary', data: { action: 'post-summary' } },
    ]);
    const state = await harness.advisor.store.get('teams:a:personal-dana');
    expect(state?.phase).toBe('recommended');
    expect(state?.profile.behaviourNeed).toBe('none');
  });

  it('accepts a typed answer to the pending question and asks the next one', async () => {
    await exchange(personalMessage({ serviceUrl: harness.stub.url, text: DOCS_BOT }), 1);
    const call = await exchange(personalMessage({ serviceUrl: harness.stub.url, text: 'strict rules' }), 2);
    const card = cardOf(call.activity);
    expect(cardText(card)).toContain('• Tone, format or style rules: Strict rules that prompting does not hold reliably');
    const state = await harness.advisor.store.get('teams:a:personal-dana');
    expect(state?.profile.behaviourNeed).toBe('strict');
    expect(state?.pendingField).toBe('labeledExamples');
    expect(submitActions(card).map((action) => action.data)).toContainEqual({ field: 'labeledExamples', value: NOT_SURE_VALUE });
  });

  it('moves to the next question when a submit answers "Not sure"', async () => {
    await exchange(personalMessage({ serviceUrl: harness.stub.url, text: 'We want an assistant for our team.' }), 1);
    const first = (await harness.advisor.store.get('teams:a:personal-dana'))?.pendingField;
    expect(first).toBeTruthy();
    const call = await exchange(personalMessage({ serviceUrl: harness.stub.url, value: { field: first, value: NOT_SURE_VALUE } }), 2);
    const card = cardOf(call.activity);
    expect(cardText(card)).toContain('I will leave that open');
    const next = (await harness.advisor.store.get('teams:a:personal-dana'))?.pendingField;
    expect(next).not.toBe(first);
    expect(submitActions(card).every((action) => (action.data as { field: string }).field === next)).toBe(true);
  });

  it('answers the "Why?" action with quoted, cited passages', async () => {
    await exchange(personalMessage({ serviceUrl: harness.stub.url, text: DOCS_BOT }), 1);
    await exchange(personalMessage({ serviceUrl: harness.stub.url, value: { field: 'behaviourNeed', value: 'none' } }), 2);
    const call = await exchange(personalMessage({ serviceUrl: harness.stub.url, value: { action: 'why' } }), 3);
    const text = cardText(cardOf(call.activity));
    expect(text).toMatch(/^For your project$/m);
    expect(text).toMatch(/^From the sources$/m);
    expect(text).toMatch(/\*\*\[1\]\*\* “.{20,}” — _.+ › .+_/);
  });

  it('explains how to post a decision summary instead of posting it in a personal chat', async () => {
    await exchange(personalMessage({ serviceUrl: harness.stub.url, text: DOCS_BOT }), 1);
    await exchange(personalMessage({ serviceUrl: harness.stub.url, value: { field: 'behaviourNeed', value: 'none' } }), 2);
    const call = await exchange(personalMessage({ serviceUrl: harness.stub.url, value: { action: 'post-summary' } }), 3);
    const text = cardText(cardOf(call.activity));
    expect(text).toContain('mention me (@Advisor) and write "summary"');
    expect(text).toContain('Your latest decision: **RAG (retrieval-augmented generation)**');
    expect(text).not.toContain('Decision summary');
  });

  it('greets once when the app is installed in a personal chat', async () => {
    const installed = { ...personalMessage({ serviceUrl: harness.stub.url }), type: 'conversationUpdate', membersAdded: [{ id: '28:advisor-bot' }] };
    const call = await exchange(installed, 1);
    expect(call.activity.text).toContain('Describe your project in a sentence or two');
  });

  it('handles a redelivered activity (same id) only once', async () => {
    const activity = personalMessage({ serviceUrl: harness.stub.url, text: DOCS_BOT, id: 'dup-1' });
    await exchange(activity, 1);
    expect((await harness.post(activity)).status).toBe(200);
    await exchange(personalMessage({ serviceUrl: harness.stub.url, text: 'help' }), 2);
    expect(harness.stub.messages()).toHaveLength(2);
    expect((await harness.advisor.store.get('teams:a:personal-dana'))?.questionsAsked).toBe(1);
  });
});

describe('channel thread', () => {
  it('strips the mention, keys the conversation by thread and replies into the thread', async () => {
    const call = await exchange(channelMention({ serviceUrl: harness.stub.url, threadId: THREAD, text: DOCS_BOT, id: 'c-1' }), 1);
    expect(call.conversationId).toBe(THREAD_CONVERSATION);
    expect(call.replyToId).toBe('c-1');
    expect(cardText(cardOf(call.activity))).toContain('Knowledge the model lacks: Yes, our own documents or databases');
    const state = await harness.advisor.store.get(`teams:${THREAD_CONVERSATION}`);
    expect(state?.pendingField).toBe('behaviourNeed');
    expect(state?.profile.knowledgeFreshness).toBe('weekly');
  });

  it('reads a mention-only command ("summary") and posts the requester\'s latest decision, saying who posted it', async () => {
    await exchange(channelMention({ serviceUrl: harness.stub.url, threadId: THREAD, text: DOCS_BOT }), 1);
    await exchange(channelSubmit({ serviceUrl: harness.stub.url, threadId: THREAD, value: { field: 'behaviourNeed', value: 'none' } }), 2);
    const call = await exchange(channelMention({ serviceUrl: harness.stub.url, threadId: THREAD, text: 'summary', id: 'c-sum' }), 3);
    expect(call.conversationId).toBe(THREAD_CONVERSATION);
    expect(call.replyToId).toBe('c-sum');
    const text = cardText(cardOf(call.activity));
    expect(text).toMatch(/^Decision summary$/m);
    expect(text).toContain('**RAG (retrieval-augmented generation)** — confidence');
    expect(text).toContain(`posted by ${DANA.name}`);
  });

  it('posts the summary card into the thread from the card action, for a decision made in a personal chat', async () => {
    await exchange(personalMessage({ serviceUrl: harness.stub.url, text: DOCS_BOT, from: LEE, conversationId: 'a:personal-lee' }), 1);
    await exchange(personalMessage({ serviceUrl: harness.stub.url, from: LEE, conversationId: 'a:personal-lee', value: { field: 'behaviourNeed', value: 'none' } }), 2);
    const call = await exchange(channelSubmit({ serviceUrl: harness.stub.url, threadId: THREAD, from: LEE, value: { action: 'post-summary' } }), 3);
    expect(call.conversationId).toBe(THREAD_CONVERSATION);
    const text = cardText(cardOf(call.activity));
    expect(text).toContain('**RAG (retrieval-augmented generation)**');
    expect(text).toContain(`for ${LEE.name}; posted by ${LEE.name}`);
  });

  it('tells a user with no decision that there is nothing to post', async () => {
    const call = await exchange(channelMention({ serviceUrl: harness.stub.url, threadId: '1700000000099', from: LEE, text: 'summary' }), 1);
    expect(call.activity.text).toContain('no decision to summarize yet');
    expect(call.activity.attachments ?? []).toEqual([]);
  });
});
