/**
 * Action ids and button values. Values travel through Slack and come back in interaction payloads, so
 * every decoder validates what it reads and returns null for anything it does not recognise.
 */
import { z } from 'zod';
import type { ActionId } from '../../src/dialog/messages.js';
import { ProfileSchema, type Profile } from '../../src/profile/schema.js';

export const MAX_BUTTON_VALUE = 2000;

/** Block ids the adapter looks for again later (to mark a question answered). */
export const QUESTION_BLOCK_ID = 'question-choices';

/** Action ids: question answers (`answer:<index>`), reply actions (`reply:<id>`), and the quick assessment's two buttons. */
export const ANSWER_ACTION = /^answer:/;
export const REPLY_ACTION = /^reply:/;
export const CONTINUE_ACTION = 'assessment:continue';
export const POST_ASSESSMENT_ACTION = 'assessment:post-summary';
export const SUMMARY_SHORTCUT = 'post_decision_summary';

export function answerActionId(index: number | 'not-sure'): string {
  return `answer:${index}`;
}

export function replyActionId(id: ActionId): string {
  return `reply:${id}`;
}

const ACTION_IDS = ['why', 'post-summary', 'start-over', 'show-profile'] as const satisfies readonly ActionId[];

export function decodeReplyAction(value: string | undefined): ActionId | null {
  return ACTION_IDS.find((id) => id === value) ?? null;
}

const ChoiceValue = z.object({ f: z.string().max(64), v: z.string().max(64) });

export function encodeChoice(field: string, value: string): string {
  return JSON.stringify({ f: field, v: value });
}

export function decodeChoice(raw: string | undefined): { field: string; value: string } | null {
  const parsed = ChoiceValue.safeParse(parseJson(raw));
  return parsed.success ? { field: parsed.data.f, value: parsed.data.v } : null;
}

/** What "Continue in a thread" and "Post summary to channel" carry: the profile and the start of the description. */
export interface CarryOver {
  profile: Profile;
  description: string;
}

const CarryOverValue = z.object({ p: ProfileSchema, d: z.string().max(MAX_BUTTON_VALUE) });

/** Encodes a carry-over within the button value limit, shortening the description as far as needed. */
export function encodeCarryOver({ profile, description }: CarryOver): string {
  const encode = (text: string) => JSON.stringify({ p: profile, d: text });
  const full = encode(description);
  if (full.length <= MAX_BUTTON_VALUE) return full;
  const room = Math.max(0, description.length - (full.length - MAX_BUTTON_VALUE) - 1);
  // JSON escaping can make the shortened text longer than its character count; shrink until it fits.
  for (let length = room; length > 0; length = Math.floor(length * 0.9)) {
    const value = encode(`${description.slice(0, length).trimEnd()}…`);
    if (value.length <= MAX_BUTTON_VALUE) return value;
  }
  return encode('');
}

export function decodeCarryOver(raw: string | undefined): CarryOver | null {
  const parsed = CarryOverValue.safeParse(parseJson(raw));
  return parsed.success ? { profile: parsed.data.p, description: parsed.data.d } : null;
}

function parseJson(raw: string | undefined): unknown {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}
