import { describe, expect, it } from 'vitest';
import { makeAdvisor } from '../helpers/advisor.js';

/** Descriptions written for this test, not taken from the dev set: the product must generalise. */
const CASES: [string, string[]][] = [
  ['Legal team wants a tool to answer questions about our contracts; contracts are added daily and lawyers need the clause cited.', ['rag']],
  ['We want to fine-tune Mistral 7B to write product descriptions in our brand voice. We have 8,000 examples from our copywriters. Product info doesn’t change much.', ['fine-tuning']],
  ['An on-device assistant for a smartwatch that must respond instantly, offline.', ['fine-tuning']],
  ['Summarize meeting transcripts into bullet points for internal use; nobody cares about exact wording.', ['prompting', 'rag']],
  ['Customer support bot for an e-commerce shop: order status from our database, product catalog changes daily, and it must use our brand tone strictly. We have 20k past chats.', ['hybrid']],
  ['Sentiment analysis of tweets for a dashboard.', ['prompting']],
  ['Code assistant that follows our internal coding standards; we have 50k code review comments; APIs change every sprint.', ['hybrid']],
  ['A chatbot for our hotel answering guest questions about amenities and local events. We use GPT-4. No training data.', ['rag']],
  ['Research assistant over arXiv papers published this week, with citations.', ['rag']],
  ['Classify insurance claims into 12 fraud-risk categories, 100k labeled claims, rules are stable.', ['fine-tuning']],
  ['Extract invoice fields (date, total, vendor) into JSON; we have 300 annotated invoices; must always be valid JSON.', ['fine-tuning']],
  ['Internal IT helpdesk assistant answering from Confluence pages that get edited constantly.', ['rag']],
  ['Marketing wants catchy product names generated, nothing factual.', ['prompting']],
];

describe('descriptions the dev set does not contain', () => {
  const advisor = makeAdvisor();
  it.each(CASES)('%s', (text, expected) => {
    expect(expected).toContain(advisor.assess(text).result?.recommendation);
  });
});
