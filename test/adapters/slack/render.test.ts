import { describe, expect, it } from 'vitest';
import { markAnswered, renderAssessment, renderReply, renderUsage } from '../../../adapters/slack/render.js';
import { escapeMrkdwn, readUserText, splitText, truncate } from '../../../adapters/slack/text.js';
import { decodeCarryOver, decodeChoice, encodeCarryOver, QUESTION_BLOCK_ID } from '../../../adapters/slack/values.js';
import type { Reply, ReplySection } from '../../../src/dialog/messages.js';
import { makeAdvisor } from '../../helpers/advisor.js';
import { messageProblems } from './helpers/block-rules.js';
import { buttonsOf } from './helpers/slack-requests.js';

type Block = { type: string; block_id?: string; text?: { text: string }; elements?: { text: string | { text: string }; value?: string; action_id?: string }[] };

function blocksOf(message: { blocks: unknown[] }): Block[] {
  return message.blocks as Block[];
}

function handMadeReply(overrides: Partial<Reply> = {}): Reply {
  const sections: ReplySection[] = [
    { title: 'Recommendation', text: '*RAG (retrieval-augmented generation)* — confidence 0.81', citations: [] },
    {
      title: 'Why',
      text: '- Knowledge the model lacks: our own documents — retrieval brings them in [1]\n- Freshness: weekly — no retraining [2]',
      citations: [
        { passageId: 'p1', title: 'RAG vs fine-tuning', section: 'When to choose RAG', quote: 'RAG typically emerges as the superior choice.' },
        { passageId: 'p2', title: 'Choosing <the> right approach & more', section: 'Freshness', quote: 'Your knowledge base changes frequently.' },
      ],
    },
    { title: 'Where the sources disagree', text: '- Memorising documents:\n  - For Fine-tuning: it can work', citations: [] },
    { title: 'What would change it', text: 'Fine-tuning would win instead if:\n- Tone rules: strict', citations: [] },
  ];
  return {
    kind: 'recommendation',
    text: 'Recommendation: RAG — confidence 0.81 (plain text of the whole reply)',
    sections,
    question: null,
    actions: [
      { id: 'why', label: 'Why?' },
      { id: 'post-summary', label: 'Post decision summary' },
    ],
    result: null,
    ...overrides,
  };
}

describe('renderReply', () => {
  it('renders a recommendation as titled sections, citations in context blocks, and Why?/Post decision summary buttons', () => {
    const message = renderReply(handMadeReply());
    const blocks = blocksOf(message);
    expect(messageProblems(message as unknown as Record<string, unknown>)).toEqual([]);
    const sectionTexts = blocks.filter((block) => block.type === 'section').map((block) => block.text?.text ?? '');
    expect(sectionTexts[0]).toBe('*Recommendation*\n*RAG (retrieval-augmented generation)* — confidence 0.81');
    expect(sectionTexts.some((text) => text.startsWith('*Where the sources disagree*'))).toBe(true);
    expect(sectionTexts.some((text) => text.startsWith('*What would change it*'))).toBe(true);
    const context = blocks.find((block) => block.type === 'context');
    expect(context?.elements?.map((element) => element.text)).toEqual([
      '[1] “RAG typically emerges as the superior choice.” — RAG vs fine-tuning › When to choose RAG',
      '[2] “Your knowledge base changes frequently.” — Choosing &lt;the&gt; right approach &amp; more › Freshness',
    ]);
    expect(buttonsOf(message as unknown as Record<string, unknown>).map((button) => [button.text.text, button.value])).toEqual([
      ['Why?', 'why'],
      ['Post decision summary', 'post-summary'],
    ]);
    expect(message.text).toContain('Recommendation: RAG');
  });

  it('renders a pending question as one button per choice plus "Not sure", each carrying field and value', () => {
    const question = {
      field: 'behaviourNeed' as const,
      text: 'Must the model follow a particular tone?',
      choices: [
        { value: 'none', label: 'No particular rules' },
        { value: 'light', label: 'Some, a prompt can describe them' },
        { value: 'strict', label: 'Strict rules that prompting does not hold reliably' },
      ],
    };
    const message = renderReply(handMadeReply({ kind: 'question', question, actions: [] }));
    expect(messageProblems(message as unknown as Record<string, unknown>)).toEqual([]);
    const buttons = buttonsOf(message as unknown as Record<string, unknown>);
    expect(buttons.map((button) => button.text.text)).toEqual(['No particular rules', 'Some, a prompt can describe them', 'Strict rules that prompting does not hold reliably', 'Not sure']);
    expect(buttons.map((button) => decodeChoice(button.value))).toEqual([
      { field: 'behaviourNeed', value: 'none' },
      { field: 'behaviourNeed', value: 'light' },
      { field: 'behaviourNeed', value: 'strict' },
      { field: 'behaviourNeed', value: 'unknown' },
    ]);
    expect(new Set(buttons.map((button) => button.action_id)).size).toBe(4);
    expect(buttons.every((button) => button.block_id === QUESTION_BLOCK_ID)).toBe(true);
  });

  it('splits and cleanly truncates over-long sections, and keeps to 50 blocks with the buttons last', () => {
    const long = Array.from({ length: 400 }, (_, index) => `- line ${index} with some words & <angle> brackets`).join('\n');
    const sections = Array.from({ length: 60 }, (_, index) => ({ title: `Part ${index}`, text: long, citations: [] }));
    const message = renderReply(handMadeReply({ sections }));
    const blocks = blocksOf(message);
    expect(messageProblems(message as unknown as Record<string, unknown>)).toEqual([]);
    expect(blocks).toHaveLength(50);
    expect(blocks.at(-1)?.type).toBe('actions');
    expect(blocks.at(-2)?.type).toBe('context');
    for (const block of blocks.filter((item) => item.type === 'section')) {
      const text = block.text?.text ?? '';
      expect(text.length).toBeLessThanOrEqual(3000);
      expect(text).not.toMatch(/&[a-z]{0,3}$|&[a-z]*…$/);
    }
    expect(message.text.length).toBeLessThanOrEqual(3000);
  });

  it('keeps user mentions but escapes other markup from the text', () => {
    const message = renderReply(handMadeReply({ sections: [{ text: 'posted by <@U123ABC> about <https://evil|click> & co', citations: [] }] }));
    expect(blocksOf(message)[0]?.text?.text).toBe('posted by <@U123ABC> about &lt;https://evil|click&gt; &amp; co');
  });

  it('renders every reply kind the core produces for a real conversation within limits', async () => {
    const advisor = makeAdvisor();
    const say = (text: string) => advisor.handle({ conversationId: 'render:1', userId: 'U1', userName: '<@U1>', text });
    const replies = [await say('a support bot answering questions from our internal docs, which change weekly'), await say('no particular rules'), await say('why?'), await say('show profile'), await say('help')];
    const summary = await advisor.summary('U1', { userId: 'U2', userName: '<@U2>' });
    for (const reply of [...replies, ...(summary ? [summary] : [])]) {
      expect(messageProblems(renderReply(reply) as unknown as Record<string, unknown>), reply.kind).toEqual([]);
    }
    expect(summary?.text).toContain('posted by <@U2>');
  });
});

describe('renderAssessment and renderUsage', () => {
  it('offers "Continue in a thread" and "Post summary to channel" carrying the profile within 2,000 characters', () => {
    const advisor = makeAdvisor();
    const description = `a support bot answering questions from our internal docs, which change weekly. ${'More context about the project. '.repeat(120)}`;
    const reply = advisor.assess(description);
    const carry = encodeCarryOver({ profile: reply.result?.profile ?? {}, description });
    const message = renderAssessment(reply, carry);
    expect(messageProblems(message as unknown as Record<string, unknown>)).toEqual([]);
    const buttons = buttonsOf(message as unknown as Record<string, unknown>);
    expect(buttons.map((button) => button.text.text)).toEqual(['Continue in a thread', 'Post summary to channel']);
    expect(carry.length).toBeLessThanOrEqual(2000);
    const decoded = decodeCarryOver(buttons[0]?.value);
    expect(decoded?.profile).toEqual(reply.result?.profile);
    expect(decoded?.description.startsWith('a support bot answering')).toBe(true);
    const texts = blocksOf(message).map((block) => block.text?.text ?? '').join('\n');
    expect(texts).toContain('*Recommendation*');
    expect(texts).toContain('*Most decisive open question*');
  });

  it('shows Slack usage for an empty description', () => {
    const message = renderUsage(makeAdvisor().assess(''));
    expect(messageProblems(message as unknown as Record<string, unknown>)).toEqual([]);
    expect(blocksOf(message)[0]?.text?.text).toContain('`/advise &lt;your project in a sentence or two&gt;`');
    expect(buttonsOf(message as unknown as Record<string, unknown>)).toEqual([]);
  });
});

describe('markAnswered', () => {
  it('replaces only the choice buttons with who answered what', () => {
    const question = { field: 'task' as const, text: 'What will the model mainly do?', choices: [{ value: 'qa', label: 'Answer questions' }] };
    const message = renderReply(handMadeReply({ question }));
    const marked = markAnswered(message.blocks, 'U7', 'Answer questions') as Block[];
    expect(marked).toHaveLength(message.blocks.length);
    expect(marked.find((block) => block.block_id === QUESTION_BLOCK_ID)).toBeUndefined();
    expect(marked.some((block) => block.type === 'context' && block.elements?.[0]?.text === '<@U7> answered: *Answer questions*')).toBe(true);
    expect(buttonsOf({ blocks: marked }).map((button) => button.text.text)).toEqual(['Why?', 'Post decision summary']);
  });
});

describe('text helpers', () => {
  it('reads what the user typed: bot mention gone, links and entities restored, other mentions kept', () => {
    expect(readUserText('<@UBOT> we have &lt;5k&gt; docs &amp; <https://x.example|our wiki> for <@U22>', 'UBOT')).toBe('we have <5k> docs & our wiki for <@U22>');
    expect(readUserText('<@UBOT|advisor>   ', 'UBOT')).toBe('');
  });

  it('truncates at a boundary with an ellipsis and never leaves half an entity or surrogate pair', () => {
    expect(truncate('short', 10)).toBe('short');
    const cut = truncate('word '.repeat(100), 50);
    expect(cut.length).toBeLessThanOrEqual(50);
    expect(cut.endsWith('word…')).toBe(true);
    expect(truncate(`${'a'.repeat(8)}&amp;`, 11)).toBe(`${'a'.repeat(8)}…`);
    expect(truncate(`${'a'.repeat(8)}😀😀`, 10)).toBe(`${'a'.repeat(8)}…`);
    expect(escapeMrkdwn('a < b & <@W1>')).toBe('a &lt; b &amp; <@W1>');
  });

  it('splits long text into chunks within the limit', () => {
    const chunks = splitText(Array.from({ length: 50 }, () => 'x'.repeat(99)).join('\n'), 1000, 3);
    expect(chunks).toHaveLength(3);
    expect(chunks.every((chunk) => chunk.length <= 1000)).toBe(true);
    expect(chunks[2]?.endsWith('…')).toBe(true);
  });
});
