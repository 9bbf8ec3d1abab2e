/**
 * Validates cards with Microsoft's `adaptivecards` library at schema 1.5. Its package entry point is an
 * ES module with extensionless imports that Node cannot load, so the bundled UMD build is required instead;
 * parsing and validation need no DOM.
 */
import { createRequire } from 'node:module';
import type * as AdaptiveCards from 'adaptivecards';
import type { AdaptiveCard } from '../../../../adapters/teams/cards.js';
import type { SentActivity } from './connectorStub.js';

const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

export const ADAPTIVE_CARD_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Every parse warning and validation failure the library reports for the card at version 1.5. */
export function cardProblems(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json, context);
  const problems: string[] = [];
  for (let index = 0; index < context.eventCount; index += 1) problems.push(`parse: ${context.getEventAt(index).message}`);
  for (const event of card.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  return problems;
}

/** The Adaptive Card in a sent activity (asserting there is exactly one), after checking it validates cleanly. */
export function cardOf(activity: SentActivity): AdaptiveCard {
  const cards = (activity.attachments ?? []).filter((attachment) => attachment.contentType === ADAPTIVE_CARD_TYPE);
  if (cards.length !== 1) throw new Error(`expected one Adaptive Card, got ${cards.length}: ${JSON.stringify(activity).slice(0, 300)}`);
  const content = cards[0]?.content;
  const problems = cardProblems(content);
  if (problems.length > 0) throw new Error(`card does not validate at 1.5:\n${problems.join('\n')}`);
  return content as AdaptiveCard;
}

type Node = { type?: string; text?: string; items?: Node[]; actions?: Node[]; body?: Node[]; title?: string; data?: unknown };

/** All TextBlock texts of a card, in order, joined by newlines. */
export function cardText(card: AdaptiveCard): string {
  const texts: string[] = [];
  const walk = (nodes: Node[] | undefined) => {
    for (const node of nodes ?? []) {
      if (node.type === 'TextBlock' && node.text) texts.push(node.text);
      walk(node.items);
    }
  };
  walk(card.body as Node[]);
  return texts.join('\n');
}

/** Every Action.Submit of a card (body action sets and card actions), as {title, data}. */
export function submitActions(card: AdaptiveCard): { title: string; data: unknown }[] {
  const found: { title: string; data: unknown }[] = [];
  const walk = (nodes: Node[] | undefined) => {
    for (const node of nodes ?? []) {
      if (node.type === 'Action.Submit') found.push({ title: node.title ?? '', data: node.data });
      walk(node.items);
      walk(node.actions);
    }
  };
  walk(card.body as Node[]);
  walk(card.actions as Node[] | undefined);
  return found;
}
