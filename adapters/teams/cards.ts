/**
 * Renders the core's platform-neutral `Reply` as an Adaptive Card (schema 1.5), the format Teams shows
 * natively. Pure functions: no botbuilder here, so cards can be built and validated without a bot.
 */
import type { CitationView, Reply, ReplyAction, ReplySection } from '../../src/dialog/messages.js';
import { NOT_SURE_VALUE } from '../../src/dialog/messages.js';
import { readableQuote } from '../../src/dialog/render.js';

export const CARD_VERSION = '1.5';
export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/** What an `Action.Submit` sends back; Teams delivers it as `activity.value`. */
export type SubmitData = { field: string; value: string } | { action: ReplyAction['id'] };

export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  style?: 'default' | 'heading';
  size?: 'Small' | 'Default' | 'Medium' | 'Large';
  weight?: 'Default' | 'Bolder';
  isSubtle?: boolean;
  spacing?: 'None' | 'Small' | 'Default' | 'Medium';
}

export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: SubmitData;
  style?: 'default' | 'positive';
}

export interface ActionSet {
  type: 'ActionSet';
  actions: SubmitAction[];
  spacing?: 'None' | 'Small' | 'Default' | 'Medium';
}

export interface Container {
  type: 'Container';
  items: CardElement[];
  separator?: boolean;
  spacing?: 'None' | 'Small' | 'Default' | 'Medium';
}

export type CardElement = TextBlock | ActionSet | Container;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: typeof CARD_VERSION;
  body: CardElement[];
  actions?: SubmitAction[];
  /** Teams extension: use the whole width of the chat column, so long reasons wrap less. */
  msteams: { width: 'Full' };
}

export const NOT_SURE_LABEL = 'Not sure';

/** The core writes Slack-style `*bold*`; Teams markdown needs `**bold**`. */
export function teamsMarkdown(text: string): string {
  return text.replace(/\*([^*\n]+)\*/g, '**$1**');
}

function textBlock(text: string, extra: Partial<TextBlock> = {}): TextBlock {
  return { type: 'TextBlock', text, wrap: true, ...extra };
}

function citationBlock(citation: CitationView, number: number): TextBlock {
  const quote = `**[${number}]** “${readableQuote(citation.quote, citation.columns)}” — _${citation.title} › ${citation.section}_`;
  return textBlock(quote, { size: 'Small', isSubtle: true, spacing: 'Small' });
}

/**
 * One TextBlock per line: how single newlines and "- " lists render differs between Teams clients, so
 * bullets become literal characters and every line gets its own block.
 */
function lineBlocks(text: string): TextBlock[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => textBlock(teamsMarkdown(bulletLine(line)), { spacing: index === 0 ? 'Small' : 'None' }));
}

function bulletLine(line: string): string {
  const nested = /^\s+- (.*)$/.exec(line);
  if (nested) return `\u2003◦ ${nested[1]}`;
  const top = /^- (.*)$/.exec(line);
  return top ? `• ${top[1]}` : line;
}

function sectionContainer(section: ReplySection, first: boolean): Container {
  const items: CardElement[] = [];
  if (section.title) items.push(textBlock(section.title, { style: 'heading', size: 'Medium', weight: 'Bolder' }));
  items.push(...lineBlocks(section.text));
  section.citations.forEach((citation, index) => items.push(citationBlock(citation, index + 1)));
  return { type: 'Container', items, separator: !first, spacing: first ? 'None' : 'Medium' };
}

/**
 * One single-button ActionSet per choice: Teams lays actions out side by side and truncates long labels,
 * and caps how many actions one set shows, so stacking them keeps every answer readable and reachable.
 */
function choiceButtons(question: NonNullable<Reply['question']>): ActionSet[] {
  const choices = [...question.choices, { value: NOT_SURE_VALUE, label: NOT_SURE_LABEL }];
  return choices.map((choice) => ({
    type: 'ActionSet',
    spacing: 'Small',
    actions: [{ type: 'Action.Submit', title: choice.label, data: { field: question.field, value: choice.value } }],
  }));
}

function actionButtons(actions: ReplyAction[]): SubmitAction[] {
  return actions.map((action) => ({ type: 'Action.Submit', title: action.label, data: { action: action.id } }));
}

/** The Adaptive Card for a reply: its sections (with citations), the pending question's choices, and its actions. */
export function replyCard(reply: Reply): AdaptiveCard {
  const body: CardElement[] = reply.sections.map((section, index) => sectionContainer(section, index === 0));
  if (reply.question) body.push(...choiceButtons(reply.question));
  const card: AdaptiveCard = { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: CARD_VERSION, body, msteams: { width: 'Full' } };
  if (reply.actions.length > 0) card.actions = actionButtons(reply.actions);
  return card;
}

/** Short replies with nothing to press read better as a plain chat message than as a card. */
export function needsCard(reply: Reply): boolean {
  return reply.question !== null || reply.actions.length > 0 || reply.result !== null || reply.sections.some((section) => section.title || section.citations.length > 0);
}

/** The plain-text form of a reply as Teams markdown; blank lines between lines, which every client keeps. */
export function replyMarkdown(reply: Reply): string {
  return reply.text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => teamsMarkdown(line))
    .join('\n\n');
}
