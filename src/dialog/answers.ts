import { fieldQuestion, shortAnswer } from '../profile/catalogue.js';
import { bucketExamples, extractProfile, normalise } from '../profile/extract.js';
import { profileValue, type ProfileField } from '../profile/schema.js';

const YES_WORDS = String.raw`yes|yep|yeah|yup|sure|correct|right|absolutely|definitely|of course|y`;
const NO_WORDS = String.raw`no|nope|nah|not really|n`;
/** A reply that opens with yes or no ("yes, we do", "no GPUs"). */
const YES = new RegExp(String.raw`^(?:${YES_WORDS}|we do|they do|it does|it is)\b`);
/** "No" as an answer, not as a word for "zero" ("no rules really" says nothing about the question asked). */
const NO = new RegExp(String.raw`^(?:(?:${NO_WORDS})(?=$|\s*[,.!;:-]|\s+(?:we|it|they|i|not|never|thanks|thank|sorry|really|just|nothing|none|that)\b)|none\b|we don't|we do not|they don't|it doesn't|it isn't)`);
const LEADING_YES_NO = new RegExp(String.raw`^(?:${YES_WORDS}|${NO_WORDS})\b[\s,.!-]*`);
/** Words that open a correction of something said before. */
const CORRECTION_OPENERS = String.raw`wait|sorry|actually|hang on|hold on|i mean|i meant|scratch that|correction|my bad|oops`;
/** "No wait, we do have GPUs": the yes or no opens a correction of something else, and answers nothing. */
const OPENS_CORRECTION = new RegExp(String.raw`^(?:${YES_WORDS}|${NO_WORDS}|oh no)\b[\s,.!-]*(?:${CORRECTION_OPENERS})\b`);
const STARTS_CORRECTION = new RegExp(String.raw`^(?:${CORRECTION_OPENERS}|not quite|that'?s (?:not right|wrong)|no,)(?:\b|$)`);

/** Whether a message sets out to change something already said ("actually …", "wait, …", "no, …"). */
export function startsCorrection(text: string): boolean {
  return STARTS_CORRECTION.test(normalise(text));
}
/** A reply that is nothing but yes or no to "Is that right?" ("yes, that's right", "nope"). */
const CONFIRMS = new RegExp(String.raw`^(?:(?:${YES_WORDS}|exactly) ?)?(?:that'?s|that is)? ?(?:right|correct)?$`);
const DENIES = new RegExp(String.raw`^(?:(?:${NO_WORDS}) ?)?(?:that'?s|that is)? ?(?:wrong|incorrect|not right|not quite)?$`);

function plain(text: string): string {
  return normalise(text).replace(/[.!?]+$/, '').trim();
}

/** A bare "yes" or "no" to "I took this as X. Is that right?": keeps X, or rejects it. Null for anything else. */
export function confirmation(rawText: string): 'yes' | 'no' | null {
  const text = plain(rawText).replace(/[,.!]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (!text || /^that(?:'?s| is)$/.test(text)) return null;
  if (CONFIRMS.test(text)) return 'yes';
  if (DENIES.test(text)) return 'no';
  return null;
}

/** A bare number answers the labeled-examples question ("2000", "~50", "5k"). */
function countAnswer(text: string): string | null {
  const match = /^(?:~|about |around |roughly |maybe |approx\.? |(fewer than |less than |under |below |not even |almost |nearly )|no more than |at most |up to )?(\d[\d,.]*)\s*(k|thousand)?\b/.exec(text);
  if (!match) return null;
  // "Less than 100" is below the number: a bucket lower at a boundary.
  const count = Number((match[2] ?? '').replace(/,/g, '')) * (match[3] ? 1000 : 1) - (match[1] ? 1 : 0);
  return Number.isFinite(count) ? bucketExamples(count) : null;
}

/** What may follow a choice that opens a reply: "some, one engineer has…", "strict — our template…". */
const ELABORATION = /^(?:\s*[,;:—–-]|\s+(?:but|because|since|as|though|although)\b)/;

/** How a choice may be named in a reply: its value, its label, or its value with spaces for hyphens. */
function choiceNames(choice: { value: string; label: string }): string[] {
  return [choice.value.toLowerCase(), plain(choice.label), plain(choice.value.replace(/-/g, ' '))];
}

/** A reply that opens with a choice and then explains it answers with that choice. */
function leadingChoice(choices: readonly { value: string; label: string }[], text: string): string | null {
  const opened = choices.find((choice) => choiceNames(choice).some((name) => text.startsWith(name) && ELABORATION.test(text.slice(name.length))));
  return opened?.value ?? null;
}

/**
 * Reads a reply to the pending question: by value, by label, by choice number, by yes/no where that is
 * unambiguous, or from the words ("we have about 2k examples"). Null when the reply does not answer it.
 */
export function readAnswer(field: ProfileField, rawText: string): string | null {
  const text = plain(rawText);
  const question = fieldQuestion(field);
  const direct = question.choices.find((choice) => choiceNames(choice).includes(text));
  if (direct) return direct.value;
  const leading = leadingChoice(question.choices, text);
  if (leading) return leading;
  const index = /^#?(\d{1,2})$/.exec(text);
  if (index && field !== 'labeledExamples') return question.choices[Number(index[1]) - 1]?.value ?? null;
  if (field === 'labeledExamples') {
    const count = countAnswer(text);
    if (count) return count;
  }
  const short = shortAnswer(field, text);
  if (short) return short;
  const read = extractProfile(rawText).profile;
  const fromWords = profileValue(read, field);
  if (fromWords) return fromWords;
  if (OPENS_CORRECTION.test(text)) return null;
  // "Yes, some": the words after the yes or no may name the choice.
  const rest = text.replace(LEADING_YES_NO, '');
  if (rest !== text && rest.length > 0) {
    const named = question.choices.find((choice) => choiceNames(choice).includes(rest)) ?? uniquePrefix(question.choices, rest);
    if (named) return named.value;
    const shortRest = shortAnswer(field, rest);
    if (shortRest) return shortRest;
  }
  // "We don't have GPUs" while the tone question is open: the no is about what the words name, not the question.
  if (Object.keys(read).length > 0) return null;
  if (question.yesNo?.yes && YES.test(text)) return question.yesNo.yes;
  if (question.yesNo?.no && NO.test(text)) return question.yesNo.no;
  return uniquePrefix(question.choices, text)?.value ?? null;
}

/** The one choice whose label starts with the reply ("some" → "Some, a prompt can describe them"). */
function uniquePrefix(choices: readonly { value: string; label: string }[], text: string): { value: string; label: string } | undefined {
  const prefix = choices.filter((choice) => plain(choice.label).startsWith(text) && text.length >= 3);
  return prefix.length === 1 ? prefix[0] : undefined;
}
