/** One conversation turn in Slack, and decision summaries: the parts every entry point (event, button, shortcut) shares. */
import type { Advisor } from '../../src/dialog/advisor.js';
import { isSummaryRequest } from '../../src/index.js';
import type { ActionId, Reply, UserMessage } from '../../src/dialog/messages.js';
import type { Logger } from '../../src/log.js';
import type { Delivery, Place } from './delivery.js';
import { safeError } from './logging.js';
import { renderNotice, renderReply, type SlackMessage } from './render.js';

export const WORKING_TEXT = 'Thinking… (reading your message with the language model)';
import { userMention } from './text.js';

export interface SlackDeps {
  advisor: Advisor;
  logger: Logger;
}

/** Where a conversation lives: one thread of one channel in one workspace. */
export interface ThreadRef {
  team: string;
  channel: string;
  threadTs: string;
}

export const NO_DECISION_TEXT =
  'You have no decision to summarize yet. Mention me in a channel (or send me a direct message) with a description of your project, answer my questions until I give a recommendation, then use "Post decision summary" or say "summary" in the thread.';

export const CANNOT_POST_TEXT = 'I could not post there. Invite me to the channel first (`/invite @advisor`), then try again.';

const TURN_FAILED_TEXT = 'Sorry, something went wrong on my side and I could not process that message. Your conversation so far is unchanged; please try again.';

export function conversationId({ team, channel, threadTs }: ThreadRef): string {
  return `slack:${team}:${channel}:${threadTs}`;
}

function placeOf(thread: ThreadRef): Place {
  return { channel: thread.channel, threadTs: thread.threadTs };
}

/**
 * Slack shows `<@U…>` as the person's name, so the mention is the name the core records and prints
 * ("decided for <@U1>; posted by <@U2>").
 */
export function person(userId: string): { userId: string; userName: string } {
  return { userId, userName: userMention(userId) };
}

export interface TurnInput {
  userId: string;
  text?: string;
  choice?: { field: string; value: string };
  action?: ActionId;
  /** The Slack event id: a turn handled again after a crash returns its first reply instead of applying twice. */
  deliveryId?: string | undefined;
}

/** Runs one turn (the state is saved by the core before anything is sent) and posts the reply in the thread. */
export async function runTurn(deps: SlackDeps, delivery: Delivery, thread: ThreadRef, input: TurnInput): Promise<void> {
  // A summary request posts the requester's latest decision, or tells only them how to get one.
  if (input.action === 'post-summary' || (input.text !== undefined && isSummaryRequest(input.text))) {
    await postSummary(deps, delivery, placeOf(thread), input.userId);
    return;
  }
  const id = conversationId(thread);
  const place = placeOf(thread);
  // A language model can take seconds: show a placeholder at once and replace it with the answer.
  const placeholder = deps.advisor.usesLanguageModel ? await delivery.post(place, renderNotice(WORKING_TEXT)) : null;
  const send = (message: SlackMessage) => (placeholder ? delivery.update(place.channel, placeholder, message) : delivery.post(place, message));
  let reply: Reply;
  try {
    reply = await deps.advisor.handle({ conversationId: id, ...person(input.userId), text: input.text ?? '', ...pick(input) });
  } catch (error) {
    deps.logger.error({ error: safeError(error), conversationId: id }, 'advisor turn failed');
    await send(renderNotice(TURN_FAILED_TEXT));
    return;
  }
  await send(renderReply(reply));
}

function pick(input: TurnInput): Pick<UserMessage, 'choice' | 'action' | 'deliveryId'> {
  return { ...(input.choice ? { choice: input.choice } : {}), ...(input.action ? { action: input.action } : {}), ...(input.deliveryId ? { deliveryId: input.deliveryId } : {}) };
}

/** How to tell only the requesting user something; by default an ephemeral message in the same place. */
export type TellUser = (message: SlackMessage) => Promise<unknown>;

/**
 * Posts the user's latest decision into the place, stating who posted it. Without a decision, or when the
 * bot cannot post there, only the user is told (how to get one, or how to let the bot in).
 */
export async function postSummary(deps: SlackDeps, delivery: Delivery, place: Place, userId: string, tellUser?: TellUser): Promise<void> {
  const tell = tellUser ?? ((message: SlackMessage) => delivery.ephemeral(place, userId, message));
  let summary: Reply | null;
  try {
    summary = await deps.advisor.summary(userId, person(userId));
  } catch (error) {
    deps.logger.error({ error: safeError(error), userId }, 'decision summary failed');
    await tell(renderNotice(TURN_FAILED_TEXT));
    return;
  }
  if (!summary) {
    await tell(renderNotice(NO_DECISION_TEXT));
    return;
  }
  const posted = await delivery.post(place, renderReply(summary));
  if (!posted) await tell(renderNotice(CANNOT_POST_TEXT));
}

/** Starts a thread conversation from a quick assessment's profile and posts its first reply there. */
export async function seedThread(deps: SlackDeps, delivery: Delivery, thread: ThreadRef, profile: Parameters<Advisor['seed']>[1], userId: string): Promise<void> {
  try {
    const reply = await deps.advisor.seed(conversationId(thread), profile, person(userId));
    await delivery.post(placeOf(thread), renderReply(reply));
  } catch (error) {
    deps.logger.error({ error: safeError(error), conversationId: conversationId(thread) }, 'advisor seed failed');
    await delivery.post(placeOf(thread), renderNotice(TURN_FAILED_TEXT));
  }
}
