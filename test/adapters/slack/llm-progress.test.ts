import { afterEach, describe, expect, it } from 'vitest';
import { WORKING_TEXT } from '../../../adapters/slack/conversation.js';
import { Advisor } from '../../../src/dialog/advisor.js';
import { GroundedAnswerer } from '../../../src/llm/answerer.js';
import { createLanguageModel } from '../../../src/llm/client.js';
import { LlmExtractor } from '../../../src/llm/extractor.js';
import { sharedKnowledge } from '../../helpers/advisor.js';
import { ALL_NULL_PROFILE, startFakeOpenAi } from '../../helpers/fakeOpenAi.js';
import { BOT_USER_ID } from './helpers/fake-slack.js';
import { invalidMessages, startHarness, type Harness } from './helpers/harness.js';
import { mentionEvent, nextTs } from './helpers/slack-requests.js';

let h: Harness | undefined;
let closeModel: (() => Promise<void>) | undefined;
afterEach(async () => {
  if (h) expect(invalidMessages(h.fake)).toEqual([]);
  await h?.close();
  await closeModel?.();
});

describe('Slack with a language model', () => {
  it('shows a placeholder while the model works and replaces it with the answer', async () => {
    const fakeModel = await startFakeOpenAi(() => ({ content: JSON.stringify({ ...ALL_NULL_PROFILE, accuracyStakes: 'high' }) }));
    closeModel = fakeModel.close;
    const model = createLanguageModel({ apiKey: 'sk-test-key-000000', baseURL: fakeModel.baseURL, model: 'fake', timeoutMs: 2000, maxRetries: 0 });
    if (!model) throw new Error('no model');
    h = await startHarness(undefined, { advisor: (store) => new Advisor({ store, knowledge: sharedKnowledge, extractor: new LlmExtractor(model), answerer: new GroundedAnswerer(model) }) });
    const ts = nextTs();
    await h.send.event(mentionEvent({ user: 'U0DANA', channel: 'C0PROJ', ts, text: `<@${BOT_USER_ID}> a Q&A bot over our internal docs for surgeons, which change weekly` }));
    const placeholder = await h.fake.waitForDelivered('chat.postMessage', (body) => body.thread_ts === ts);
    expect(String(placeholder.body.text)).toContain(WORKING_TEXT);
    const update = await h.fake.waitForDelivered('chat.update', (body) => String(body.text).includes('Knowledge the model lacks'));
    expect(String(update.body.text)).toContain('Cost of a wrong answer: High');
    expect(fakeModel.calls.length).toBeGreaterThan(0);
  });
});
