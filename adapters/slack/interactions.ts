/**
 * Buttons and the message shortcut. Each acknowledges first (Slack allows 3 seconds), then does the work.
 * Where a conversation lives is read from the message the button sits on: its thread is the conversation.
 */
import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, Context, MessageShortcut, SlackActionMiddlewareArgs, types } from '@slack/bolt';
import { assessmentSummary } from './assessment.js';
import { CANNOT_POST_TEXT, postSummary, runTurn, seedThread, type SlackDeps, type ThreadRef } from './conversation.js';
import { createDelivery, respondSafely } from './delivery.js';
import { teamOf } from './events.js';
import { markAnswered, renderReply, renderThreadRoot, type SlackMessage } from './render.js';
import {
  ANSWER_ACTION,
  CONTINUE_ACTION,
  decodeCarryOver,
  decodeChoice,
  decodeReplyAction,
  POST_ASSESSMENT_ACTION,
  REPLY_ACTION,
  SUMMARY_SHORTCUT,
} from './values.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

const STALE_BUTTON_TEXT = 'That button no longer works. Type your answer in the thread instead, or mention me to start again.';

/** Each button the advisor renders, by action id, and what pressing it does (after the acknowledgement). */
const BUTTON_HANDLERS: [string | RegExp, (deps: SlackDeps, args: ButtonArgs) => Promise<void>][] = [
  [ANSWER_ACTION, onAnswer],
  [REPLY_ACTION, onReplyAction],
  [CONTINUE_ACTION, onContinue],
  [POST_ASSESSMENT_ACTION, onPostAssessment],
];

export function registerInteractions(app: App, deps: SlackDeps): void {
  for (const [actionId, handle] of BUTTON_HANDLERS) {
    app.action<BlockAction<ButtonAction>>(actionId, async (args) => {
      await args.ack();
      await handle(deps, args);
    });
  }
  app.shortcut<MessageShortcut>(SUMMARY_SHORTCUT, async ({ ack, shortcut, client, respond }) => {
    await ack();
    const threadTs = stringField(shortcut.message, 'thread_ts') ?? shortcut.message.ts;
    // The response_url reaches the user even in a channel the bot is not in, where an ephemeral message cannot.
    const tellUser = (message: SlackMessage) => respondSafely(respond, deps.logger, { response_type: 'ephemeral', ...message });
    await postSummary(deps, createDelivery(client, deps.logger), { channel: shortcut.channel.id, threadTs }, shortcut.user.id, tellUser);
  });
}

/** A choice button: answers the pending question, then the buttons give way to who answered what. */
async function onAnswer(deps: SlackDeps, { body, action, context, client, respond }: ButtonArgs): Promise<void> {
  const choice = decodeChoice(action.value);
  const where = buttonMessage(body, context);
  if (!choice || !where) {
    await tellPrivately(deps, respond, STALE_BUTTON_TEXT);
    return;
  }
  const delivery = createDelivery(client, deps.logger);
  await runTurn(deps, delivery, where.thread, { userId: body.user.id, text: '', choice });
  const blocks = body.message?.blocks as unknown;
  if (Array.isArray(blocks)) {
    const answered = markAnswered(blocks as types.KnownBlock[], body.user.id, action.text.text);
    await delivery.update(where.thread.channel, where.messageTs, { text: stringField(body.message, 'text') ?? action.text.text, blocks: answered });
  }
}

/** "Why?", "Post decision summary" and the other reply buttons, in the conversation of the thread they sit in. */
async function onReplyAction(deps: SlackDeps, { body, action, context, client, respond }: ButtonArgs): Promise<void> {
  const id = decodeReplyAction(action.value);
  const where = buttonMessage(body, context);
  if (!id || !where) {
    await tellPrivately(deps, respond, STALE_BUTTON_TEXT);
    return;
  }
  await runTurn(deps, createDelivery(client, deps.logger), where.thread, { userId: body.user.id, action: id });
}

/** "Continue in a thread": a channel message to hang the thread from, and the assessment's profile carried into it. */
async function onContinue(deps: SlackDeps, { body, action, context, client, respond }: ButtonArgs): Promise<void> {
  const carried = decodeCarryOver(action.value);
  const channel = channelOf(body);
  if (!carried || !channel) {
    await tellPrivately(deps, respond, STALE_BUTTON_TEXT);
    return;
  }
  const delivery = createDelivery(client, deps.logger);
  const rootTs = await delivery.post({ channel }, renderThreadRoot(body.user.id, carried.description));
  if (!rootTs) {
    await tellPrivately(deps, respond, CANNOT_POST_TEXT);
    return;
  }
  const thread: ThreadRef = { team: teamOf(context), channel, threadTs: rootTs };
  await seedThread(deps, delivery, thread, carried.profile, body.user.id);
  await respondSafely(respond, deps.logger, { replace_original: true, text: 'I started a thread in this channel with your project profile; the conversation continues there.' });
}

/** "Post summary to channel": the quick assessment as a summary everyone in the channel sees, naming who posted it. */
async function onPostAssessment(deps: SlackDeps, { body, action, client, respond }: ButtonArgs): Promise<void> {
  const carried = decodeCarryOver(action.value);
  const channel = channelOf(body);
  if (!carried || !channel) {
    await tellPrivately(deps, respond, STALE_BUTTON_TEXT);
    return;
  }
  const summary = assessmentSummary(deps.advisor, carried.profile, body.user.id);
  const ts = await createDelivery(client, deps.logger).post({ channel }, renderReply(summary));
  if (!ts) await tellPrivately(deps, respond, CANNOT_POST_TEXT);
}

interface ButtonMessage {
  messageTs: string;
  /** The conversation's thread; a message outside any thread roots its own. */
  thread: ThreadRef;
}

function buttonMessage(body: BlockAction, context: Context): ButtonMessage | null {
  const channel = channelOf(body);
  const messageTs = stringField(body.message, 'ts') ?? stringField(body.container, 'message_ts');
  if (!channel || !messageTs) return null;
  const threadTs = stringField(body.message, 'thread_ts') ?? stringField(body.container, 'thread_ts') ?? messageTs;
  return { messageTs, thread: { team: teamOf(context), channel, threadTs } };
}

function channelOf(body: BlockAction): string | undefined {
  return body.channel?.id ?? stringField(body.container, 'channel_id');
}

function stringField(source: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = source?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A note only the clicking user sees, leaving the message with the button as it was. */
function tellPrivately(deps: SlackDeps, respond: ButtonArgs['respond'], text: string): Promise<boolean> {
  return respondSafely(respond, deps.logger, { response_type: 'ephemeral', replace_original: false, text });
}
