/**
 * Messages: a mention in a channel starts (or continues) the conversation in that message's thread; a DM
 * does the same without a mention; a later message in a thread where the bot holds a conversation
 * continues it without one. Bots (the advisor included), edits and other message subtypes are ignored.
 */
import type { App, Context } from '@slack/bolt';
import { AFTER_CRASH } from './answer-protocol.js';
import { conversationId, runTurn, type SlackDeps, type ThreadRef } from './conversation.js';
import { createDelivery, type WebClient } from './delivery.js';
import { safeError } from './logging.js';
import { mentions, readUserText } from './text.js';

interface IncomingText {
  eventId: string | undefined;
  retryNum: number | undefined;
  thread: ThreadRef;
  userId: string;
  rawText: string | undefined;
  /** Handled again after the answer thread stopped mid-way: its event id may be claimed by that attempt. */
  afterCrash: boolean;
}

/** The fields of a mention or message event that say who sent it and whether it is an edit. */
interface EventShape {
  bot_id?: string | undefined;
  edited?: unknown;
  user?: string | undefined;
}

/** Why the sender's event gets no answer (a bot, the advisor itself, an edit), or null when it should get one. */
function senderSkip(event: EventShape, botUserId: string | undefined): string | null {
  if (event.user !== undefined && event.user === botUserId) return 'self';
  if (event.bot_id) return 'bot';
  if (event.edited) return 'edited';
  if (!event.user) return 'no-user';
  return null;
}

export function registerEvents(app: App, deps: SlackDeps): void {
  app.event('app_mention', async ({ event, body, context, client }) => {
    const skip = event.subtype !== undefined ? `subtype:${event.subtype}` : senderSkip(event, context.botUserId);
    if (skip || !event.user) return skipped(deps, skip ?? 'no-user', event.channel, event.ts);
    const thread = { team: teamOf(context), channel: event.channel, threadTs: event.thread_ts ?? event.ts };
    await handleText(deps, client, context, { eventId: body.event_id, retryNum: context.retryNum, thread, userId: event.user, rawText: event.text, afterCrash: context[AFTER_CRASH] === true });
  });

  app.message(async ({ message, body, context, client }) => {
    // Only plain user messages: edits, deletions, joins, bot posts and file shares all carry a subtype.
    // A thread reply also sent to the channel (thread_broadcast) is still a plain reply in the thread.
    if (message.subtype !== undefined && message.subtype !== 'thread_broadcast') return skipped(deps, `subtype:${message.subtype}`, message.channel, message.ts);
    const skip = senderSkip(message, context.botUserId);
    if (skip) return skipped(deps, skip, message.channel, message.ts);
    const thread = { team: teamOf(context), channel: message.channel, threadTs: message.thread_ts ?? message.ts };
    if (message.channel_type !== 'im') {
      // In channels the bot speaks when mentioned (the app_mention event, so not twice) or in its own threads.
      if (!message.thread_ts) return skipped(deps, 'channel-top-level', message.channel, message.ts);
      if (mentions(message.text, context.botUserId)) return skipped(deps, 'mention-handled-as-app_mention', message.channel, message.ts);
      if (!(await holdsConversation(deps, thread))) return skipped(deps, 'not-a-bot-thread', message.channel, message.ts);
    }
    await handleText(deps, client, context, { eventId: body.event_id, retryNum: context.retryNum, thread, userId: message.user, rawText: message.text, afterCrash: context[AFTER_CRASH] === true });
  });
}

function skipped(deps: SlackDeps, reason: string, channel: string, ts: string): void {
  deps.logger.debug({ reason, channel, ts }, 'Slack message ignored');
}

async function handleText(deps: SlackDeps, client: WebClient, context: Context, incoming: IncomingText): Promise<void> {
  if (!(await claimOnce(deps, incoming))) return;
  // A bare mention is a request for help; it also opens the thread, so the next message needs no mention.
  const text = readUserText(incoming.rawText, context.botUserId) || 'help';
  await runTurn(deps, createDelivery(client, deps.logger), incoming.thread, { userId: incoming.userId, text, deliveryId: incoming.eventId });
}

async function holdsConversation(deps: SlackDeps, thread: ThreadRef): Promise<boolean> {
  try {
    return await deps.advisor.hasConversation(conversationId(thread));
  } catch (error) {
    deps.logger.warn({ error: safeError(error), conversationId: conversationId(thread) }, 'could not check for a conversation in this thread');
    return false;
  }
}

/**
 * Slack redelivers an event it thinks was not received (X-Slack-Retry-Num); the store remembers event ids.
 * If the store cannot say, the event is handled: the core then tells the user what it could not do.
 */
async function claimOnce(deps: SlackDeps, { eventId, retryNum, afterCrash }: IncomingText): Promise<boolean> {
  if (!eventId) return true;
  try {
    const first = await deps.advisor.store.claimEvent(`slack:${eventId}`);
    // After a crash the claim may be the crashed attempt's own: answering twice beats never answering.
    if (!first && !afterCrash) deps.logger.info({ eventId, retryNum }, 'duplicate Slack event ignored');
    return first || afterCrash;
  } catch (error) {
    deps.logger.warn({ error: safeError(error), eventId }, 'could not record the Slack event id; handling it anyway');
    return true;
  }
}

export function teamOf(context: Context): string {
  return context.teamId ?? context.enterpriseId ?? 'unknown';
}
