/**
 * Block Kit rendering of the core's platform-neutral `Reply`: pure functions, no Slack calls.
 * Every message stays within Slack's limits: section text ≤ 3,000 characters, ≤ 50 blocks, unique
 * action ids, button values ≤ 2,000 characters, and a plain `text` fallback for notifications.
 */
import type { types } from '@slack/bolt';
import { NOT_SURE_VALUE, type CitationView, type Reply, type ReplySection } from '../../src/dialog/messages.js';
import { readableQuote } from '../../src/dialog/render.js';
import type { NextQuestion } from '../../src/engine/types.js';
import { escapeMrkdwn, splitText, truncate, userMention } from './text.js';
import {
  answerActionId,
  CONTINUE_ACTION,
  encodeChoice,
  MAX_BUTTON_VALUE,
  POST_ASSESSMENT_ACTION,
  QUESTION_BLOCK_ID,
  replyActionId,
} from './values.js';

type KnownBlock = types.KnownBlock;
type Button = types.Button;

export interface SlackMessage {
  /** Plain fallback, shown in notifications and by clients that cannot draw blocks. */
  text: string;
  blocks: KnownBlock[];
}

export const LIMITS = {
  sectionText: 3000,
  blocks: 50,
  buttonText: 75,
  buttonValue: MAX_BUTTON_VALUE,
  actionsPerBlock: 25,
  contextElements: 10,
  contextText: 2000,
  fallbackText: 3000,
  quote: 300,
  /** A long section is split over at most this many blocks before it is truncated. */
  chunksPerSection: 3,
} as const;

const SHORTENED_NOTE = '_Shortened to fit one Slack message: ask "why?" or "show profile" for the rest._';

/** A conversation reply: its sections, citations as context, choice buttons for a pending question, action buttons. */
export function renderReply(reply: Reply): SlackMessage {
  const trailing: KnownBlock[] = [];
  if (reply.question) trailing.push(questionButtons(reply.question));
  if (reply.actions.length > 0) {
    const buttons = reply.actions.map((action) => button(action.label, replyActionId(action.id), action.id, action.id === 'post-summary' ? 'primary' : undefined));
    trailing.push({ type: 'actions', block_id: 'reply-actions', elements: buttons });
  }
  return { text: fallback(reply.text), blocks: fitBlocks(reply.sections.flatMap(sectionBlocks), trailing) };
}

/** The `/advise` quick assessment, shown only to the person who asked. */
export function renderAssessment(reply: Reply, carryOver: string): SlackMessage {
  if (!reply.result) return renderUsage(reply);
  const blocks: KnownBlock[] = [mrkdwnSection('*Quick assessment* (only you can see this)'), ...reply.sections.flatMap(sectionBlocks)];
  if (reply.question) blocks.push(...sectionBlocks({ title: 'Most decisive open question', text: reply.question.text, citations: [] }));
  const actions: KnownBlock = {
    type: 'actions',
    block_id: 'assessment-actions',
    elements: [button('Continue in a thread', CONTINUE_ACTION, carryOver, 'primary'), button('Post summary to channel', POST_ASSESSMENT_ACTION, carryOver)],
  };
  return { text: fallback(reply.text), blocks: fitBlocks(blocks, [actions]) };
}

/** Usage for `/advise` with no description, `/advise help`, or input the core could not read. */
export function renderUsage(reply: Reply): SlackMessage {
  const usage = [
    '*Using the advisor in Slack*',
    '- `/advise <your project in a sentence or two>`: a quick assessment only you see',
    '- Mention me in a channel with your project: we talk it through in the thread',
    '- Send me a direct message: same, in a thread',
    '- Say "summary" in a thread, or use the message shortcut *Post decision summary*: post your latest decision',
  ].join('\n');
  const blocks = [mrkdwnSection(escapeMrkdwn(usage)), ...reply.sections.flatMap(sectionBlocks)];
  return { text: fallback(`${usage}\n\n${reply.text}`), blocks: fitBlocks(blocks, []) };
}

/** The channel message a "Continue in a thread" conversation hangs from. */
export function renderThreadRoot(userId: string, description: string): SlackMessage {
  const quoted = description ? `\n>${truncate(description, 500).replace(/\n/g, '\n>')}` : '';
  const text = `${userMention(userId)} is choosing how to adapt a language model: RAG, fine-tuning, a hybrid, or prompting.${quoted}\nThe conversation continues in this thread, with the profile from the quick assessment.`;
  return { text: fallback(text), blocks: [mrkdwnSection(truncate(escapeMrkdwn(text), LIMITS.sectionText))] };
}

/** A plain one-section message (notices, ephemeral hints). */
export function renderNotice(text: string): SlackMessage {
  return { text: fallback(text), blocks: [mrkdwnSection(truncate(escapeMrkdwn(text), LIMITS.sectionText))] };
}

/** The question message after someone answered it: the buttons give way to who answered what. */
export function markAnswered(blocks: readonly KnownBlock[], userId: string, answer: string): KnownBlock[] {
  const note = `${userMention(userId)} answered: *${escapeMrkdwn(truncate(answer, LIMITS.buttonText))}*`;
  return blocks.map((block) => (block.block_id === QUESTION_BLOCK_ID ? { type: 'context', elements: [{ type: 'mrkdwn', text: note }] } : block));
}

function questionButtons(question: NextQuestion): KnownBlock {
  const choices = question.choices
    .slice(0, LIMITS.actionsPerBlock - 1)
    .map((choice, index) => button(choice.label, answerActionId(index), encodeChoice(question.field, choice.value)));
  const notSure = button('Not sure', answerActionId('not-sure'), encodeChoice(question.field, NOT_SURE_VALUE));
  return { type: 'actions', block_id: QUESTION_BLOCK_ID, elements: [...choices, notSure] };
}

function button(label: string, actionId: string, value: string, style?: 'primary'): Button {
  if (value.length > LIMITS.buttonValue) throw new Error(`button value for ${actionId} exceeds ${LIMITS.buttonValue} characters`);
  return {
    type: 'button',
    text: { type: 'plain_text', text: truncate(label, LIMITS.buttonText), emoji: true },
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
  };
}

function sectionBlocks(section: ReplySection): KnownBlock[] {
  const body = [section.title ? `*${escapeMrkdwn(section.title)}*` : '', escapeMrkdwn(section.text)].filter(Boolean).join('\n');
  const blocks: KnownBlock[] = body ? splitText(body, LIMITS.sectionText, LIMITS.chunksPerSection).map(mrkdwnSection) : [];
  return [...blocks, ...citationBlocks(section.citations)];
}

/** Citations are numbered as the core's `[n]` markers in the section text count them. */
function citationBlocks(citations: readonly CitationView[]): KnownBlock[] {
  const elements = citations.map((citation, index) => ({
    type: 'mrkdwn' as const,
    text: truncate(`[${index + 1}] “${escapeMrkdwn(truncate(readableQuote(citation.quote, citation.columns), LIMITS.quote))}” — ${escapeMrkdwn(`${citation.title} › ${citation.section}`)}`, LIMITS.contextText),
  }));
  const blocks: KnownBlock[] = [];
  for (let start = 0; start < elements.length; start += LIMITS.contextElements) {
    blocks.push({ type: 'context', elements: elements.slice(start, start + LIMITS.contextElements) });
  }
  return blocks;
}

function mrkdwnSection(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

/** Keeps the trailing blocks (the buttons) and as much of the body as fits, saying when something was left out. */
function fitBlocks(body: KnownBlock[], trailing: KnownBlock[]): KnownBlock[] {
  if (body.length + trailing.length <= LIMITS.blocks) return [...body, ...trailing];
  const room = LIMITS.blocks - trailing.length - 1;
  return [...body.slice(0, room), { type: 'context', elements: [{ type: 'mrkdwn', text: SHORTENED_NOTE }] }, ...trailing];
}

/** Slack reads the fallback as mrkdwn too, so it is escaped like the blocks. */
function fallback(text: string): string {
  return truncate(escapeMrkdwn(text.trim() || 'RAG-or-fine-tune advisor'), LIMITS.fallbackText);
}
