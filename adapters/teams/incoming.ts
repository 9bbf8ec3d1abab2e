/** Reads a Teams message activity into the core's `UserMessage`. */
import { TurnContext, type Activity } from 'botbuilder';
import { z } from 'zod';
import type { ActionId, UserMessage } from '../../src/dialog/messages.js';

const ACTION_IDS = ['why', 'post-summary', 'start-over', 'show-profile'] as const satisfies readonly ActionId[];

/** Card submits: `Action.Submit` data comes back as `activity.value`; anything else is ignored. */
const ChoiceData = z.object({ field: z.string().min(1).max(64), value: z.string().min(1).max(64) });
const ActionData = z.object({ action: z.enum(ACTION_IDS) });

export type ConversationKind = 'personal' | 'shared';

export interface IncomingMessage {
  message: UserMessage;
  /** Personal (1:1) chat, or a channel thread / group chat that several people read. */
  kind: ConversationKind;
}

export function conversationIdOf(activity: Pick<Activity, 'conversation'>): string {
  // A channel conversation id carries the thread's root message id (";messageid=…"), so each thread is its own conversation.
  return `teams:${activity.conversation.id}`;
}

export function userIdOf(activity: Pick<Activity, 'from'>): string {
  // The Entra object id is the same in every chat and channel, so a decision made in a personal chat can be posted to a channel.
  return `teams:${activity.from.aadObjectId ?? activity.from.id}`;
}

export function conversationKind(activity: Pick<Activity, 'conversation'>): ConversationKind {
  return activity.conversation.conversationType === 'personal' || !activity.conversation.conversationType ? 'personal' : 'shared';
}

/** The text the user typed, without the bot's @mention (channels and group chats deliver only mentions). */
export function messageText(activity: Activity): string {
  if (!activity.text) return '';
  // removeRecipientMention edits the activity it is given, so it gets a copy.
  const withoutBot = activity.recipient ? TurnContext.removeRecipientMention({ ...activity }) : activity.text;
  return (withoutBot ?? '')
    .replace(/<at>(.*?)<\/at>/g, '$1')
    .replace(/&nbsp;/g, ' ')
    .trim();
}

function submitted(value: unknown): Pick<UserMessage, 'choice' | 'action'> | null {
  const choice = ChoiceData.safeParse(value);
  if (choice.success) return { choice: choice.data };
  const action = ActionData.safeParse(value);
  if (action.success) return { action: action.data.action };
  return null;
}

export function readIncoming(activity: Activity): IncomingMessage {
  const base: UserMessage = {
    conversationId: conversationIdOf(activity),
    userId: userIdOf(activity),
    ...(activity.from.name ? { userName: activity.from.name } : {}),
    text: '',
  };
  // A card button press carries its data in `value` (and usually no text): read it first.
  const pressed = submitted(activity.value);
  const message = pressed ? { ...base, ...pressed } : { ...base, text: messageText(activity) };
  return { message, kind: conversationKind(activity) };
}
