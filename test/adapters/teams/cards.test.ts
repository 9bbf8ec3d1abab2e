/** Adaptive Card rendering of the core's Reply, validated with Microsoft's adaptivecards library at 1.5. */
import { describe, expect, it } from 'vitest';
import { outgoingActivity, personalSummaryNotice } from '../../../adapters/teams/bot.js';
import { needsCard, replyCard, replyMarkdown, teamsMarkdown } from '../../../adapters/teams/cards.js';
import { NOT_SURE_VALUE, type Reply } from '../../../src/dialog/messages.js';
import { fieldQuestion } from '../../../src/profile/catalogue.js';
import { PROFILE_FIELDS } from '../../../src/profile/schema.js';
import { chat, makeAdvisor } from '../../helpers/advisor.js';
import { ADAPTIVE_CARD_TYPE, cardOf, cardProblems, cardText, submitActions } from './helpers/cardValidation.js';
import type { SentActivity } from './helpers/connectorStub.js';

const citation = { passageId: 'lewis-2020#3', title: 'Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks', section: 'Introduction', quote: 'parametric memory alone' };

const handBuilt: Reply = {
  kind: 'question',
  text: 'plain text form',
  sections: [
    { text: 'Here is what I understood:\n- Knowledge the model lacks: *our own documents*\n  - nested detail', citations: [] },
    { title: 'Why', text: '- Docs change weekly — retrieval keeps answers fresh [1]', citations: [citation] },
    { title: 'Question', text: 'How many labeled examples do you have?', citations: [] },
  ],
  question: { field: 'labeledExamples', text: 'How many labeled examples do you have?', choices: [{ value: 'none', label: 'None' }, { value: 'thousands', label: 'Thousands' }] },
  actions: [{ id: 'why', label: 'Why?' }],
  result: null,
};

describe('replyCard', () => {
  it('renders sections, bullets, bold, citations, choices with "Not sure" and actions, valid at 1.5', () => {
    const card = replyCard(handBuilt);
    expect(cardProblems(card)).toEqual([]);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', msteams: { width: 'Full' } });
    const text = cardText(card);
    expect(text).toContain('• Knowledge the model lacks: **our own documents**');
    expect(text).toContain('\u2003◦ nested detail');
    expect(text).toMatch(/^Why$/m);
    expect(text).toContain('**[1]** “parametric memory alone” — _Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks › Introduction_');
    expect(submitActions(card)).toEqual([
      { title: 'None', data: { field: 'labeledExamples', value: 'none' } },
      { title: 'Thousands', data: { field: 'labeledExamples', value: 'thousands' } },
      { title: 'Not sure', data: { field: 'labeledExamples', value: NOT_SURE_VALUE } },
      { title: 'Why?', data: { action: 'why' } },
    ]);
  });

  it('the validator catches a broken card (so the other tests can fail)', () => {
    const card = replyCard(handBuilt);
    const broken = { ...card, body: [...card.body, { type: 'TextBlock', text: 'x', size: 'Enormous' }, { type: 'Carousel', pages: [] }] };
    const problems = cardProblems(broken);
    expect(problems.some((problem) => problem.includes('"Enormous"'))).toBe(true);
    expect(problems.some((problem) => problem.includes('Carousel'))).toBe(true);
  });

  it('renders every follow-up question of the catalogue as a valid card with one button per choice plus "Not sure"', () => {
    for (const field of PROFILE_FIELDS) {
      const { text, choices } = fieldQuestion(field);
      const reply: Reply = { ...handBuilt, sections: [{ title: 'Question', text, citations: [] }], question: { field, text, choices }, actions: [] };
      const card = replyCard(reply);
      expect(cardProblems(card), field).toEqual([]);
      expect(submitActions(card)).toHaveLength(choices.length + 1);
    }
  });

  it('renders real recommendation, why, profile and summary replies from the core as valid cards', async () => {
    const user = chat(makeAdvisor());
    await user.say('We are building a support chatbot that answers questions from our product docs. The docs change every week.');
    const replies = [await user.press('behaviourNeed', 'none'), await user.act('why'), await user.act('show-profile'), await user.say('why not fine-tuning?'), await user.say('summary')];
    expect(replies.map((reply) => reply.kind)).toEqual(['recommendation', 'answer', 'profile', 'answer', 'summary']);
    for (const reply of replies) {
      expect(needsCard(reply)).toBe(true);
      expect(cardProblems(replyCard(reply)), reply.kind).toEqual([]);
    }
  });
});

describe('outgoing activities', () => {
  it('sends a card as an Adaptive Card attachment', () => {
    const activity = outgoingActivity(handBuilt) as SentActivity;
    expect(activity.attachments?.[0]?.contentType).toBe(ADAPTIVE_CARD_TYPE);
    expect(cardText(cardOf(activity))).toContain('How many labeled examples do you have?');
  });

  it('sends a short notice with nothing to press as markdown text', () => {
    const notice: Reply = { kind: 'notice', text: 'Your message was empty.\nType *help*.', sections: [{ text: 'Your message was empty.\nType *help*.', citations: [] }], question: null, actions: [], result: null };
    expect(needsCard(notice)).toBe(false);
    expect(outgoingActivity(notice)).toMatchObject({ type: 'message', text: 'Your message was empty.\n\nType **help**.', textFormat: 'markdown' });
    expect(replyMarkdown(notice)).toBe('Your message was empty.\n\nType **help**.');
  });

  it('turns a summary in a personal chat into instructions naming the decision', () => {
    const summary: Reply = { ...handBuilt, kind: 'summary', sections: [{ title: 'Decision summary', text: '*RAG* — confidence 0.80\nDecided 2026-11-21 for Dana; posted by Dana.', citations: [] }], question: null, actions: [] };
    const card = replyCard(personalSummaryNotice(summary));
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('Your latest decision: **RAG** — confidence 0.80');
    expect(cardText(card)).toContain('mention me (@Advisor) and write "summary"');
  });
});

describe('teamsMarkdown', () => {
  it('turns Slack-style *bold* into **bold** and leaves other text alone', () => {
    expect(teamsMarkdown('*RAG* — confidence 0.80, 2 * 3')).toBe('**RAG** — confidence 0.80, 2 * 3');
  });
});
