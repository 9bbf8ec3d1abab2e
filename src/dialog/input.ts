/** Checks on raw user text before anything reads it (SPEC 8). */

export const MAX_MESSAGE_CHARS = 4000;

export type InputProblem = 'empty' | 'too-long' | 'binary' | 'no-words';

export interface CleanInput {
  text: string;
  problem: InputProblem | null;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/g;

/** Strips control characters; flags text a person could not have meant as a message. */
export function cleanInput(raw: string): CleanInput {
  const controlCount = raw.match(CONTROL)?.length ?? 0;
  const text = raw.replace(CONTROL, ' ').replace(/[ \t]+/g, ' ').trim();
  if (raw.length > MAX_MESSAGE_CHARS) return { text: '', problem: 'too-long' };
  if (controlCount > 0 && controlCount >= Math.max(3, raw.length * 0.1)) return { text: '', problem: 'binary' };
  if (text === '') return { text, problem: 'empty' };
  if (!/[\p{L}\p{N}]/u.test(text)) return { text, problem: 'no-words' };
  return { text, problem: null };
}

/** Phrases that try to steer the bot instead of describing a project. */
const STEERING = [
  /\bignore (?:all |any |your |the |previous |prior |above )*(?:rules|instructions|prompts?|guidelines)\b/i,
  /\bdisregard (?:all |your |the |previous )*(?:rules|instructions)\b/i,
  /\byou are now\b/i,
  /\b(?:reveal|show|print|repeat|output) (?:me )?(?:your|the) (?:system|hidden|developer) (?:prompt|instructions)\b/i,
  /\bpretend (?:to be|you are)\b/i,
  /\b(?:always|just) (?:recommend|say|answer) (?:fine.?tuning|rag|hybrid|prompting)\b/i,
];

export function looksLikeSteering(text: string): boolean {
  return STEERING.some((pattern) => pattern.test(text));
}
