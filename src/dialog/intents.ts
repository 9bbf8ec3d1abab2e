import { normalise } from '../profile/extract.js';
import type { Option } from '../engine/types.js';

export type Intent =
  | { kind: 'help' }
  | { kind: 'start-over' }
  | { kind: 'show-profile' }
  | { kind: 'summary' }
  | { kind: 'skip' }
  | { kind: 'recommend-now' }
  | { kind: 'what-if'; text: string }
  | { kind: 'why'; option: Option | null; negated: boolean }
  | { kind: 'thanks' }
  | { kind: 'unknown-command'; word: string }
  | { kind: 'question' }
  | { kind: 'statement' };

/** "thanks", "great", "makes sense": a reply that only acknowledges. */
const THANKS = String.raw`(?:thanks?|thank you|thx|ty|cheers|many thanks|great|perfect|awesome|brilliant|cool|nice|got it|makes sense|sounds good|that helps|very helpful|helpful|understood)`;

/** Commands as data: the first pattern that matches the normalised message decides. */
const COMMANDS: { pattern: RegExp; intent: Intent }[] = [
  { pattern: /^(?:\/?help|\?|usage|commands|what can you do\??|how does this work\??)$/, intent: { kind: 'help' } },
  { pattern: /^(?:start over|start again|start afresh|start from scratch|from scratch|(?:let's|lets|can we|let us) start (?:over|again|from scratch)|restart|reset|new project|another project|clear|forget (?:it|everything))[.!]?$/, intent: { kind: 'start-over' } },
  { pattern: /^(?:(?:show|see|view|print|display)(?: me)? (?:the |my |our )?profile|profile|what do you know(?: so far)?\??|what have you got\??)$/, intent: { kind: 'show-profile' } },
  { pattern: /^(?:(?:post|give me|show me|can i have|can i get|i'd like|send)(?: the| a| me the| me a)? )?(?:decision )?(?:summary|recap|summing up|sum up)(?: (?:please|pls|plz|of (?:the |this |our )?(?:decision|recommendation)))?[.!?]*$|^(?:post (?:the )?decision(?: summary)?|sum (?:it|this) up(?: please| pls)?)[.!?]*$/, intent: { kind: 'summary' } },
  { pattern: /^(?:not sure|unsure|skip|next|next question|pass|don't know|dont know|do not know|no idea|idk|dunno|unknown|no clue|can't say|hard to say)[.!]?$/, intent: { kind: 'skip' } },
  { pattern: new RegExp(String.raw`^${THANKS}(?: (?:so much|a lot|very much|again|a bunch))?(?:[,!.]* ${THANKS})*[.!]*$`), intent: { kind: 'thanks' } },
  { pattern: /^(?:just )?(?:tell me|give me|show me)?(?: the| your| a)? ?(?:recommendation|answer|verdict|result)(?: now)?(?: please| pls)?[.!]?$|^(?:that's all|that is all|skip the questions|no more questions|just tell me|go ahead)[.!]?$|^(?:just |please |can you |could you )?recommend(?: now| already)?(?: please| pls)?[.!?]?$|^(?:so )?what (?:do|would) you recommend(?: now)?\??$|^(?:so )?what should (?:we|i) (?:do|use|go with|pick)(?: then)?\??$|^(?:so )?(?:which|what) (?:one|option|approach) (?:should (?:we|i) (?:use|pick|go with)|do you recommend|is best)\??$/, intent: { kind: 'recommend-now' } },
];

/** Words people type expecting a command the bot does not have: answered as such, not searched for. */
const UNKNOWN_COMMAND = /^\/?(undo|go back|back|cancel|quit|exit|stop|menu|settings|options|home|delete|save|edit)[.!]?$/;

const OPTION_WORDS: { option: Option; pattern: RegExp }[] = [
  { option: 'hybrid', pattern: /\bhybrid\b|\bboth\b|\bcombin/ },
  { option: 'fine-tuning', pattern: /\bfine.?tun\w*\b|\bfinetun\w*\b|\b(?:re)?train(?:ing)? (?:it|them|the model|a model|our (?:own )?model|its own|on our)\b|\btraining run\b/ },
  { option: 'rag', pattern: /\brag\b|\bretrieval\b|\blook.?ups?\b|\bvector (?:db|database|store|search)\b|\bsearch index\b/ },
  { option: 'prompting', pattern: /\bprompt(?:ing)?\b|\boff.the.shelf\b/ },
];

const QUESTION_START = /^(?:why|how|what|which|when|where|who|does|do|is|are|can|could|should|would|will|won't|isn't|aren't|can't|shouldn't)\b/;

export function mentionedOption(text: string): Option | null {
  return OPTION_WORDS.find(({ pattern }) => pattern.test(text))?.option ?? null;
}

/** The text with every name of an option taken out: "why not fine-tuning?" leaves "why not ?". */
export function withoutOptionNames(text: string): string {
  return OPTION_WORDS.reduce((rest, { pattern }) => rest.replace(new RegExp(pattern.source, 'g'), ' '), text);
}

export function isQuestionShaped(text: string): boolean {
  const normal = normalise(text);
  return normal.endsWith('?') || QUESTION_START.test(normal);
}

/** "But why not…", "OK so why…": words that open a message without changing what it asks. */
const OPENER = /^(?:(?:hey|hi|hello|ok|okay|so|and|but|then|well|hmm|please|sorry|right)[,!]?\s+)+/;
/** "Could you clarify why…", "please explain why…": a polite frame around the question itself. */
const REQUEST_FRAME = /^(?:(?:could|can|would|will) you (?:please )?|(?:i'd|i would|we'd|we would) (?:like|love) (?:you )?to |please )?(?:clarify|explain|tell (?:me|us)|elaborate on|understand|know|say)\s+(?=why\b|what\b|how\b|whether\b)/;

export function withoutOpener(text: string): string {
  return text.replace(OPENER, '').replace(REQUEST_FRAME, '');
}

export function detectIntent(rawText: string): Intent {
  const text = withoutOpener(normalise(rawText));
  const command = COMMANDS.find(({ pattern }) => pattern.test(text));
  if (command) return command.intent;
  const unknown = UNKNOWN_COMMAND.exec(text);
  if (unknown) return { kind: 'unknown-command', word: unknown[1] ?? text };
  const whatIf = /^(?:what if|suppose|supposing|imagine|hypothetically|what would (?:change|happen) if|(?:would|does|do|could) (?:it|that|the (?:answer|recommendation)) change if|and if|what about if|how about if|and with|what about with|how about with|with(?=[^?]*\?$))\b[,:]?\s*(.*)$/.exec(text);
  if (whatIf) return { kind: 'what-if', text: whatIf[1] ?? '' };
  if (/^why\b/.test(text)) {
    const negated = /^why (?:not|wouldn't|shouldn't|don't|can't|isn't|aren't|no)\b/.test(text) || /\binstead\b/.test(text) || /\b(?:isn't|wasn't|aren't|is not|was not|are not|not) (?:being )?(?:recommended|suggested|chosen|preferred|favou?red)\b/.test(text);
    return { kind: 'why', option: mentionedOption(text), negated };
  }
  return isQuestionShaped(text) ? { kind: 'question' } : { kind: 'statement' };
}

/** Whether a message asks for the decision summary ("summary", "post decision summary"). */
export function isSummaryRequest(text: string): boolean {
  return detectIntent(text).kind === 'summary';
}
