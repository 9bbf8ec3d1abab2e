import { decide, rankOptions } from '../engine/index.js';
import type { EngineResult, Option } from '../engine/types.js';
import type { KnowledgeBase } from '../knowledge/index.js';
import type { Logger } from '../log.js';
import { deterministicExtractor, extractProfile, extractWithInference, normalise, type Extraction, type Extractor } from '../profile/extract.js';
import { fieldQuestion } from '../profile/catalogue.js';
import { isFieldValue, isProfileField, profileValue, PROFILE_FIELDS, type Profile, type ProfileField } from '../profile/schema.js';
import { StoreUnavailableError, type ConversationState, type ConversationStore } from '../store/types.js';
import { confirmation, readAnswer, startsCorrection } from './answers.js';
import { cleanInput, looksLikeSteering, MAX_MESSAGE_CHARS, type InputProblem } from './input.js';
import { detectIntent, mentionedOption, type Intent } from './intents.js';
import { NOT_SURE_VALUE, type AssessmentResult, type DecisionRecord, type Reply, type ReplySection, type UserMessage } from './messages.js';
import {
  describeValue,
  GUESS_MARK,
  headline,
  optionName,
  pointsText,
  profileLines,
  recommendationSections,
  reply,
  RESULT_ACTIONS,
  section,
  summarySections,
  type SummaryBasis,
} from './render.js';
import { answerWhy, asksOnlyAboutDecision, type WhyAnswer } from './why.js';
import type { GroundedAnswerer } from '../llm/answerer.js';
import { choiceLabel } from '../profile/catalogue.js';

export interface AdvisorOptions {
  store: ConversationStore;
  knowledge: KnowledgeBase;
  extractor?: Extractor;
  /** Writes "why" answers with a language model; without it answers are extractive. */
  answerer?: GroundedAnswerer;
  logger?: Logger;
  /** Follow-up questions asked at most per conversation before recommending anyway. */
  maxQuestions?: number;
  now?: () => Date;
}

interface Turn {
  state: ConversationState;
  reply: Reply;
  decision?: DecisionRecord;
}

/**
 * Every question asked could still change the answer; this only bounds a long run of them. At 4, some simulated
 * users were cut off one answer short: 5 raised dialogue accuracy over 101 sets from 0.980 to 0.983 with mean
 * questions 1.34 to 1.37 (6 gave 0.984).
 */
const DEFAULT_MAX_QUESTIONS = 5;

const COMMANDS_LINE = 'Commands: "show profile", "why?", "why not fine-tuning?", "what if we had 5k examples?", "recommend now", "summary", "not sure" (skip a question), "start over", "help".';

export const HELP_TEXT = [
  'I help your team choose how to adapt a language model: RAG, fine-tuning, a hybrid of both, or plain prompting.',
  'Describe your project in a sentence or two: what the model should do, what knowledge it needs and how often that changes, any style or format rules, how many labeled examples you have, and which model you plan to use.',
  'I ask only the questions whose answers could change the recommendation, then explain it with quotes from the source documents.',
  `${COMMANDS_LINE} You can correct me at any time ("actually the docs change daily").`,
].join('\n');

const STORE_DOWN_TEXT =
  'I can’t reach my conversation memory right now, so I did not act on that message (nothing was changed). Please send it again in a minute; if this keeps happening, tell whoever runs the bot that its store is down.';

const PROBLEM_TEXT: Record<InputProblem, string> = {
  empty: 'Your message was empty. Describe your project in a sentence or two, or type "help".',
  'too-long': `That message is longer than ${MAX_MESSAGE_CHARS.toLocaleString('en-US')} characters, so I did not read it. Please send the key facts in a shorter message (what the model does, what knowledge it needs, your data and model); nothing in your conversation was changed.`,
  binary: 'That message looks like binary data rather than text, so I ignored it. Please paste a plain-text description instead; nothing in your conversation was changed.',
  'no-words': 'I could not find any words in that message. Describe your project in plain words, or type "help"; nothing in your conversation was changed.',
};

/** What to tell someone whose message could not be read, and that nothing changed. */
export function inputProblemText(problem: InputProblem): string {
  return PROBLEM_TEXT[problem];
}

/** A question this long that names a project fact is a project description phrased as a question. */
const DESCRIPTION_WORDS = 15;

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** "2" or "b)" typed as if a question were pending. */
const BARE_CHOICE = /^\s*(?:\d{1,2}|[a-e])[.)]?\s*$/i;

/** The conversation engine every surface uses: intake → follow-up questions → recommendation → follow-ups. */
export class Advisor {
  readonly store: ConversationStore;
  readonly knowledge: KnowledgeBase;
  private readonly extractor: Extractor;
  private readonly answerer: GroundedAnswerer | undefined;
  private readonly logger: Logger | undefined;
  private readonly maxQuestions: number;
  private readonly now: () => Date;

  constructor(options: AdvisorOptions) {
    this.store = options.store;
    this.knowledge = options.knowledge;
    this.extractor = options.extractor ?? deterministicExtractor;
    this.answerer = options.answerer;
    this.logger = options.logger;
    this.maxQuestions = options.maxQuestions ?? DEFAULT_MAX_QUESTIONS;
    this.now = options.now ?? (() => new Date());
  }

  /** One turn of a conversation; the state change and the reply are saved together. */
  async handle(message: UserMessage): Promise<Reply> {
    const { text, problem } = cleanInput(message.text ?? '');
    if (problem && !message.choice && !message.action) return reply('notice', [section(PROBLEM_TEXT[problem])], await this.openQuestion(message.conversationId));
    let decision: DecisionRecord | undefined;
    try {
      const result = await this.store.update(message.conversationId, async (state) => {
        const { deliveryId } = message;
        if (deliveryId !== undefined && state.lastDelivery?.id === deliveryId) return { state, value: state.lastDelivery.reply };
        const turn = await this.turn(state, { ...message, text });
        decision = turn.decision;
        return { state: deliveryId === undefined ? turn.state : { ...turn.state, lastDelivery: { id: deliveryId, reply: turn.reply } }, value: turn.reply };
      });
      if (decision) await this.store.addDecision(decision);
      return result;
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      this.logger?.error({ err: error, conversationId: message.conversationId }, 'conversation store unavailable');
      return reply('notice', [section(STORE_DOWN_TEXT)]);
    }
  }

  /** True when turns may wait on a language model, so surfaces can show progress meanwhile. */
  get usesLanguageModel(): boolean {
    return this.answerer !== undefined || this.extractor !== deterministicExtractor;
  }

  async hasConversation(conversationId: string): Promise<boolean> {
    return (await this.store.get(conversationId)) !== null;
  }

  /** A one-shot assessment of a description with the deterministic reading; nothing is stored. */
  assess(rawText: string): Reply {
    const { text, problem } = cleanInput(rawText);
    if (problem === 'empty' || /^help$/i.test(text)) return reply('help', [section(HELP_TEXT)]);
    if (problem) return reply('notice', [section(PROBLEM_TEXT[problem])]);
    const extraction = extractWithInference(text);
    return this.assessProfileReply(text, extraction.profile, extraction.inferred);
  }

  /** The same assessment read by the configured extractor (the language model when there is one). */
  async assessWithExtractor(rawText: string): Promise<Reply> {
    const { text, problem } = cleanInput(rawText);
    if (problem) return this.assess(rawText);
    const extraction = await this.extract(text, null);
    const assessed = this.assessProfileReply(text, extraction.profile, extraction.inferred);
    return extraction.notice ? { ...assessed, sections: [section(extraction.notice), ...assessed.sections], text: `${extraction.notice}\n\n${assessed.text}` } : assessed;
  }

  /** Reads a description with the configured extractor. */
  async readProfile(text: string): Promise<Profile> {
    return (await this.extract(cleanInput(text).text, null)).profile;
  }

  private assessProfileReply(text: string, profile: Profile, guessed: readonly ProfileField[] = []): Reply {
    const result = this.evaluate(profile, [], guessed);
    // The result is still given (SPEC 6: assess always prints the engine output), with the reason it is weak.
    if (Object.keys(profile).length === 0) return { ...this.nothingUnderstood(text), result };
    const sections = recommendationSections(this.knowledge, result);
    return reply('recommendation', sections, { result, question: result.nextQuestion, actions: RESULT_ACTIONS });
  }

  /** The engine's output plus the profile, as `advisor assess --json` prints it. */
  assessProfile(profile: Profile, skipped: readonly ProfileField[] = []): AssessmentResult {
    return this.evaluate(profile, skipped);
  }


  /** Starts a conversation with a profile carried over (e.g. from a slash-command assessment). */
  async seed(conversationId: string, profile: Profile, user: { userId: string; userName?: string }): Promise<Reply> {
    let decision: DecisionRecord | undefined;
    const value = await this.store.update(conversationId, async (state) => {
      const turn = this.proceed({ ...state, profile: { ...profile }, phase: 'intake', pendingField: null, skipped: [], guessed: [], unsure: [], questionsAsked: 0 }, user, ['I carried over the project profile from the quick assessment.']);
      decision = turn.decision;
      return { state: turn.state, value: turn.reply };
    });
    if (decision) await this.store.addDecision(decision);
    return value;
  }

  /** The requesting user's latest decision as a summary, or null when they have none. */
  async summary(userId: string, postedBy: { userId: string; userName?: string }): Promise<Reply | null> {
    const [latest] = await this.store.decisions(userId, 1);
    if (!latest) return null;
    return reply('summary', summarySections(this.knowledge, latest, postedBy));
  }

  /**
   * A quick assessment (never stored as a decision) as a summary others can read: same shape as a
   * decision summary, marked as coming from a one-shot assessment.
   */
  assessmentSummary(profile: Profile, postedBy: { userId: string; userName?: string }): Reply {
    return reply('summary', [...this.standingSections(profile, [], postedBy, 'quick-assessment'), section('From a quick assessment: no follow-up questions were answered yet.')]);
  }

  /** Summary sections for a profile that has no stored decision yet (a quick assessment, an unfinished chat). */
  private standingSections(profile: Profile, skipped: readonly ProfileField[], postedBy: { userId: string; userName?: string }, basis: SummaryBasis, guessed: readonly ProfileField[] = [], unsure: readonly ProfileField[] = []): ReplySection[] {
    const result = this.evaluate(profile, skipped, guessed, unsure);
    const record: DecisionRecord = {
      conversationId: 'unrecorded',
      ...postedBy,
      decidedAt: this.now().toISOString(),
      profile: result.profile,
      recommendation: result.recommendation,
      confidence: result.confidence,
      result,
    };
    return summarySections(this.knowledge, record, postedBy, basis);
  }

  async latestDecision(userId: string): Promise<DecisionRecord | null> {
    return (await this.store.decisions(userId, 1))[0] ?? null;
  }

  /** `guessed` and `unsure` values stay open to a question; only guesses are marked as such to the user. */
  private evaluate(profile: Profile, skipped: readonly ProfileField[], guessed: readonly ProfileField[] = [], unsure: readonly ProfileField[] = []): AssessmentResult {
    const shown = guessed.filter((field) => profileValue(profile, field) !== undefined);
    const tentative = [...new Set([...shown, ...unsure.filter((field) => profileValue(profile, field) !== undefined)])];
    return { ...decide(profile, { skipped, tentative }), profile: { ...profile }, ...(shown.length > 0 ? { guessed: shown } : {}) };
  }

  private current(state: ConversationState): AssessmentResult {
    return this.evaluate(state.profile, state.skipped, state.guessed, state.unsure);
  }

  private async turn(state: ConversationState, message: UserMessage): Promise<Turn> {
    if (message.choice) return this.onChoice(state, message);
    if (message.action) return this.onIntent(state, message, actionIntent(message.action));
    return this.onIntent(state, message, detectIntent(message.text));
  }

  private async onIntent(state: ConversationState, message: UserMessage, intent: Intent): Promise<Turn> {
    switch (intent.kind) {
      case 'help':
        return { state, reply: reply('help', [section(HELP_TEXT)], this.pendingQuestion(state)) };
      case 'start-over':
        return this.startOver(state);
      case 'show-profile':
        return this.showProfile(state);
      case 'summary':
        return this.summaryTurn(state, message);
      case 'skip':
        return this.skip(state, message);
      case 'recommend-now':
        return this.recommend(state, message, []);
      case 'what-if':
        return this.whatIf(state, intent.text);
      case 'why':
        return await this.why(state, message.text, intent.option, intent.negated);
      case 'thanks':
        return { state, reply: reply('notice', [section(this.thanksText(state))], this.pendingQuestion(state)) };
      case 'unknown-command':
        return { state, reply: reply('notice', [section(unknownCommandText(intent.word))], this.pendingQuestion(state)) };
      case 'question':
        return this.questionOrStatement(state, message);
      case 'statement':
        return this.statement(state, message);
    }
  }

  private async onChoice(state: ConversationState, message: UserMessage): Promise<Turn> {
    const choice = message.choice;
    if (!choice || !isProfileField(choice.field)) {
      return { state, reply: reply('notice', [section('That button is no longer valid. Type your answer instead, or "help".')]) };
    }
    if (choice.value === NOT_SURE_VALUE) return this.skip({ ...state, pendingField: choice.field }, message);
    if (!isFieldValue(choice.field, choice.value)) {
      return { state, reply: reply('notice', [section('That choice is not one I know. Pick one of the buttons or type your answer.')], this.pendingQuestion(state)) };
    }
    const profile = { ...state.profile, [choice.field]: choice.value } as Profile;
    return this.proceed({ ...state, profile, guessed: unconfirmed(state.guessed, [choice.field]), unsure: unconfirmed(state.unsure, [choice.field]) }, message, [`Noted — ${describeValue(choice.field, choice.value)}.`]);
  }

  private async statement(state: ConversationState, message: UserMessage): Promise<Turn> {
    if (looksLikeSteering(message.text)) return this.refuseSteering(state);
    const pending = state.pendingField;
    // A question about a value already read asks "Is that right?": a bare yes keeps it, a bare no rejects it.
    const checked = pending ? profileValue(state.profile, pending) : undefined;
    const verdict = pending && checked !== undefined ? confirmation(message.text) : null;
    if (pending && checked !== undefined && verdict !== null) return this.checkedReading(state, message, pending, checked, verdict);
    const extraction = await this.extract(message.text, pending, state.profile);
    // A question asked outright is answered by the user's words, never by a guess from the rest of the message.
    const guessedPending = pending !== null && (extraction.inferred ?? []).includes(pending);
    const asked = guessedPending ? withoutField(extraction.profile, pending) : extraction.profile;
    // "We have 800 question/SQL pairs" mentions questions; it does not change what the model mainly does.
    const extracted = pending !== 'task' && state.profile.task !== undefined && !restatesTask(extraction) ? withoutField(asked, 'task') : asked;
    const answered = pending ? (readAnswer(pending, message.text) ?? profileValue(extracted, pending)) : undefined;
    const updates: Profile = { ...extracted, ...(pending && answered ? { [pending]: answered } : {}) };
    const changed = PROFILE_FIELDS.filter((field) => profileValue(updates, field) !== undefined && profileValue(updates, field) !== profileValue(state.profile, field));
    const conflict = extraction.conflicts?.find((item) => profileValue(updates, item.field) === undefined);
    if (changed.length === 0 && !conflict && !answered) return this.notUnderstood(state, message);
    const notes = extraction.notice ? [extraction.notice] : [];
    // An answer that repeats the value already read confirms it.
    if (pending && answered && !changed.includes(pending)) notes.push(`Noted — ${describeValue(pending, answered)}.`);
    const inferred = (extraction.inferred ?? []).filter((field) => field !== pending);
    if (changed.length > 0) {
      const lead = state.phase === 'intake' ? 'Here is what I understood:' : 'Updated:';
      notes.push(`${lead}\n${changed.map((field) => `- ${describeValue(field, profileValue(updates, field) ?? '')}${inferred.includes(field) ? GUESS_MARK : ''}`).join('\n')}`);
    }
    // A loose reading of a value the user already gave changes nothing; a new one is worth confirming.
    const loose = (extraction.unsure ?? []).filter((field) => field !== pending && changed.includes(field));
    const confirmed = PROFILE_FIELDS.filter((field) => profileValue(updates, field) !== undefined && !inferred.includes(field) && !loose.includes(field));
    const guessed = [...unconfirmed(state.guessed, confirmed), ...inferred.filter((field) => !(state.guessed ?? []).includes(field))];
    const unsure = [...unconfirmed(state.unsure, [...confirmed, ...inferred]), ...loose.filter((field) => !(state.unsure ?? []).includes(field))];
    const next = { ...state, profile: { ...state.profile, ...updates }, guessed, unsure };
    return conflict ? this.confirm(next, conflict, notes) : this.proceed(next, message, notes);
  }

  /** "Yes" keeps a reading the user was asked to check; "no" takes the question's "no" answer, or asks again. */
  private checkedReading(state: ConversationState, message: UserMessage, field: ProfileField, value: string, verdict: 'yes' | 'no'): Turn {
    const settled = { guessed: unconfirmed(state.guessed, [field]), unsure: unconfirmed(state.unsure, [field]) };
    const denied = fieldQuestion(field).yesNo?.no;
    if (verdict === 'yes' || (denied !== undefined && denied !== value)) {
      const answer = verdict === 'yes' ? value : (denied ?? value);
      return this.proceed({ ...state, ...settled, profile: { ...state.profile, [field]: answer } as Profile }, message, [`Noted — ${describeValue(field, answer)}.`]);
    }
    const { text, choices } = fieldQuestion(field);
    const next = { ...state, ...settled, profile: withoutField(state.profile, field), pendingField: field };
    return { state: next, reply: reply('question', [section(`Noted, not "${choiceLabel(field, value)}". Which is it, then?\n${text}`, 'Question')], { question: { field, text, choices } }) };
  }

  /** A reading that contradicts an earlier answer is asked about, not applied. */
  private confirm(state: ConversationState, conflict: { field: ProfileField; current: string; proposed: string }, notes: string[]): Turn {
    const { field, text, choices } = fieldQuestion(conflict.field);
    const ask = `Earlier I noted "${choiceLabel(field, conflict.current)}", but this sounds like "${choiceLabel(field, conflict.proposed)}". Which is right?`;
    const sections = [...notes.map((note) => section(note)), section(`${ask}\n${text}`, 'Please confirm')];
    return { state: { ...state, pendingField: field }, reply: reply('question', sections, { question: { field, text, choices } }) };
  }

  /** A question mark does not make a description a question: if it states facts, read them. */
  private async questionOrStatement(state: ConversationState, message: UserMessage): Promise<Turn> {
    const pending = state.pendingField;
    const asAnswer = pending ? readAnswer(pending, message.text) : null;
    if (pending && asAnswer) {
      if (!asksAdvice(message.text)) return this.statement(state, message);
      // "Is a small model ok?" asks for advice: taking it as the answer would settle the question the user is asking about.
      const hint = `If you meant that as your answer, say "${choiceLabel(pending, asAnswer)}" or pick it below.`;
      return this.why(state, message.text, mentionedOption(message.text.toLowerCase()), false, false, [section(hint)]);
    }
    // "What about a small model?" names a project detail: the user is asking what it would change.
    const about = /^(?:so |and )?(?:what|how) about (.+)$/.exec(normalise(message.text));
    if (about && state.phase !== 'intake' && changedFields(state.profile, about[1] ?? '').length > 0) return this.whatIf(state, about[1] ?? '');
    if (state.phase === 'intake') {
      // "Can we just point an LLM at our delivery notes and have it rewrite them…?" describes a project.
      const facts = Object.keys(profileFromDeterministic(message.text)).length;
      const describes = facts >= 2 || (facts === 1 && wordCount(message.text) >= DESCRIPTION_WORDS);
      if (describes) return this.statement(state, message);
    }
    return this.why(state, message.text, mentionedOption(message.text.toLowerCase()), false, false);
  }

  private async extract(text: string, pendingField: ProfileField | null, profile: Profile = {}): Promise<Extraction> {
    try {
      return await this.extractor.extract(text, { pendingField, profile });
    } catch (error) {
      this.logger?.warn({ err: error }, 'extractor failed; using the deterministic reading');
      return extractProfile(text);
    }
  }

  /** Asks the next decisive question, or recommends when none is left or the question budget is spent. */
  private proceed(state: ConversationState, user: { userId: string; userName?: string | undefined }, notes: string[]): Turn {
    const result = this.current(state);
    const question = result.nextQuestion;
    // The question still pending, shown again after a correction, is not another question.
    const another = question !== null && question.field !== state.pendingField;
    if (question && (!another || state.questionsAsked < this.maxQuestions)) {
      const next: ConversationState = { ...state, phase: 'questions', pendingField: question.field, questionsAsked: state.questionsAsked + (another ? 1 : 0) };
      const sections = [
        ...notes.map((note) => section(note)),
        section(`Leaning towards ${headline(result)}. One answer could still change that:`),
        section(confirming(state.profile, question.field, question.text), 'Question'),
      ];
      return { state: next, reply: reply('question', sections, { question, result }) };
    }
    return this.recommendResult({ ...state }, user, notes, result);
  }

  private async recommend(state: ConversationState, user: { userId: string; userName?: string | undefined }, notes: string[]): Promise<Turn> {
    if (Object.keys(state.profile).length === 0) return this.notUnderstood(state, { text: '' });
    return this.recommendResult(state, user, notes, this.current(state));
  }

  private recommendResult(state: ConversationState, user: { userId: string; userName?: string | undefined }, notes: string[], result: AssessmentResult): Turn {
    const next: ConversationState = { ...state, phase: 'recommended', pendingField: null };
    const sections = [...notes.map((note) => section(note)), ...recommendationSections(this.knowledge, result, state.skipped)];
    const decision: DecisionRecord = {
      conversationId: state.conversationId,
      userId: user.userId,
      ...(user.userName ? { userName: user.userName } : {}),
      decidedAt: this.now().toISOString(),
      profile: result.profile,
      recommendation: result.recommendation,
      confidence: result.confidence,
      result,
    };
    return { state: next, reply: reply('recommendation', sections, { result, actions: RESULT_ACTIONS }), decision };
  }

  private skip(state: ConversationState, message: UserMessage): Turn {
    const field = state.pendingField;
    if (!field) return { state, reply: reply('notice', [section('There is no open question to skip. Describe your project, or ask "why?".')]) };
    const skipped = state.skipped.includes(field) ? state.skipped : [...state.skipped, field];
    return this.proceed({ ...state, skipped, pendingField: null }, message, ['No problem, I will leave that open.']);
  }

  private startOver(state: ConversationState): Turn {
    const fresh: ConversationState = { ...state, phase: 'intake', profile: {}, pendingField: null, skipped: [], guessed: [], unsure: [], questionsAsked: 0 };
    return { state: fresh, reply: reply('notice', [section('Starting over with an empty profile. Describe your project in a sentence or two.')]) };
  }

  private showProfile(state: ConversationState): Turn {
    const sections = [section(profileLines(state.profile, state.skipped, state.guessed), 'Project profile')];
    if (Object.keys(state.profile).length > 0) sections.push(section(`Current recommendation: ${headline(this.current(state))}`));
    sections.push(section('Correct any field in plain words, e.g. "actually the docs change daily".'));
    return { state, reply: reply('profile', sections, this.pendingQuestion(state)) };
  }

  /**
   * The decision of this conversation; while its questions are still open, where it stands now (marked
   * provisional); with nothing said yet, the user's latest decision from an earlier conversation.
   */
  private async summaryTurn(state: ConversationState, message: UserMessage): Promise<Turn> {
    if (state.phase !== 'recommended' && Object.keys(state.profile).length > 0) {
      const note = section('Provisional: my questions are not finished. Answer them, or say "recommend now", for the final recommendation.');
      return { state, reply: reply('summary', [...this.standingSections(state.profile, state.skipped, message, 'unfinished', state.guessed, state.unsure), note], this.pendingQuestion(state)) };
    }
    const history = await this.store.decisions(message.userId, 20);
    const own = history.find((item) => item.conversationId === state.conversationId);
    const record = own ?? history[0];
    if (!record) return { state, reply: reply('notice', [section('You have no decision to summarize yet. Describe your project and answer my questions first; then say "summary".')]) };
    const earlier = own ? [] : [section('This is your latest decision, from an earlier conversation. Describe a new project to start another.')];
    return { state, reply: reply('summary', [...summarySections(this.knowledge, record, message), ...earlier], this.pendingQuestion(state)) };
  }

  private whatIf(state: ConversationState, text: string): Turn {
    const read = profileFromDeterministic(text);
    const fields = changedFields(state.profile, text);
    const changes = Object.fromEntries(fields.map((field) => [field, profileValue(read, field)])) as Profile;
    if (fields.length === 0) {
      const same = Object.keys(read).length > 0 ? 'That is what your profile already says, so nothing would change. ' : 'I could not tell which project detail you want to change. ';
      return { state, reply: reply('notice', [section(`${same}Try e.g. "what if we had 5k examples?" or "what if the docs changed daily?".`)], this.pendingQuestion(state)) };
    }
    const before = this.current(state);
    const after = this.evaluate({ ...state.profile, ...changes }, state.skipped, unconfirmed(state.guessed, fields), unconfirmed(state.unsure, fields));
    const changeText = fields.map((field) => describeValue(field, profileValue(changes, field) ?? '')).join('; ');
    const verdict =
      after.recommendation === before.recommendation
        ? `With ${changeText}, the recommendation stays ${headline(after)} (now ${before.confidence.toFixed(2)}).${leadChange(before, after)}`
        : `With ${changeText}, the recommendation would change from ${optionName(before.recommendation)} to ${headline(after)}.`;
    const caveat = Object.keys(state.profile).length === 0 ? ' With no project described yet, that is all the engine knows: describe the project for an answer that fits it.' : '';
    const sections = [section(verdict, 'What if'), section(`This is hypothetical: your profile is unchanged. Say it as a fact ("we have 5k examples") to update it.${caveat}`)];
    // The hypothetical result is in the text only: a `result` would read as a recommendation, final once no question is open.
    return { state, reply: reply('answer', sections, this.pendingQuestion(state)) };
  }

  /** `aboutDecision`: a "why" about the recommendation gets the engine's reasons as well as the sources. */
  private async why(state: ConversationState, question: string, option: Option | null, negated: boolean, aboutDecision = true, notes: ReplySection[] = []): Promise<Turn> {
    if (looksLikeSteering(question)) return this.refuseSteering(state);
    const result = Object.keys(state.profile).length > 0 ? this.current(state) : null;
    if (!result && option === null && asksOnlyAboutDecision(question)) {
      return { state, reply: reply('notice', [section('There is no recommendation to explain yet. Describe your project in a sentence or two, and "why?" will then explain what I recommend.')], this.pendingQuestion(state)) };
    }
    const answer = answerWhy(this.knowledge, question, { result, option, negated, explainDecision: aboutDecision });
    const written = answer.covered && this.answerer ? await this.writtenAnswer(this.answerer, question, answer) : null;
    const sections = [];
    if (written && 'sections' in written) sections.push(...written.sections);
    else {
      if (written) sections.push(section(written.notice));
      if (answer.engineLines.length > 0) sections.push(section(answer.engineLines.join('\n'), 'For your project'));
      sections.push(
        answer.covered
          ? section('Quoted passages:', 'From the sources', answer.views)
          : section("The sources don't cover this. I can answer questions about RAG, fine-tuning, hybrids and prompting: data, cost, latency, privacy, model size, hallucinations."),
      );
    }
    return { state, reply: reply('answer', [...sections, ...notes], this.pendingQuestion(state)) };
  }

  /** The model's answer with verified citations, or a notice saying why the extractive answer is shown. */
  private async writtenAnswer(answerer: GroundedAnswerer, question: string, answer: WhyAnswer): Promise<{ sections: ReturnType<typeof section>[] } | { notice: string }> {
    const passages = answer.passages.slice(0, 5).flatMap((item) => this.knowledge.passage(item.passageId) ?? []);
    const outcome = await answerer.answer(question, answer.engineReasons, passages);
    if (!outcome.ok) return { notice: outcome.notice };
    const views = outcome.value.citations.flatMap((citation) => this.knowledge.view(citation) ?? []);
    return { sections: [section(outcome.value.answer, 'Answer', views)] };
  }

  private refuseSteering(state: ConversationState): Turn {
    const text =
      'I can’t be told which answer to give: the recommendation comes from a fixed set of rules applied to your project’s facts, and your profile is unchanged. Tell me about the project instead, or ask "why?".';
    return { state, reply: reply('notice', [section(text)], this.pendingQuestion(state)) };
  }

  private async notUnderstood(state: ConversationState, message: Pick<UserMessage, 'text'>): Promise<Turn> {
    const pending = state.pendingField;
    if (Object.keys(state.profile).length > 0 && startsCorrection(message.text)) {
      const text = `I could not tell which detail that changes, so nothing changed. Say the new value in plain words, e.g. "actually the docs change daily", "we do have GPUs" or "it runs in the cloud". This is what I have:\n${profileLines(state.profile, state.skipped, state.guessed)}`;
      return { state, reply: reply('notice', [section(text)], pending ? this.pendingQuestion(state) : state.phase === 'recommended' ? { actions: RESULT_ACTIONS } : {}) };
    }
    if (pending) {
      return { state, reply: reply('question', [section('I did not catch an answer to my question. Pick one of the choices, type it in your own words, or say "not sure".'), section(this.pendingQuestion(state).question?.text ?? '', 'Question')], this.pendingQuestion(state)) };
    }
    if (state.phase === 'recommended' && BARE_CHOICE.test(message.text)) {
      const text = 'There is no question waiting for an answer: the recommendation is above. Ask "why?", "what if …?", "summary", or correct a detail (e.g. "actually we do have GPUs").';
      return { state, reply: reply('notice', [section(text)]) };
    }
    if (state.phase === 'recommended') return this.why(state, message.text, mentionedOption(message.text.toLowerCase()), false, false);
    return { state, reply: this.nothingUnderstood(message.text) };
  }

  /** What to say to "thanks": where the conversation stands and what can come next. */
  private thanksText(state: ConversationState): string {
    if (state.pendingField) return 'Glad to help. One question is still open, below; answer it or say "recommend now".';
    if (state.phase === 'recommended') return 'Glad to help. Say "summary" for the decision summary to share, "why?" for the reasons, or "start over" for another project.';
    return 'Glad to help. Describe your project in a sentence or two whenever you are ready.';
  }

  private nothingUnderstood(text: string): Reply {
    // "=", "+" and "<>" are symbols, not another language's letters.
    const nonEnglish = /[^\p{Script=Latin}\p{P}\p{S}\p{N}\s]/u.test(text);
    const hint = nonEnglish ? 'I read project descriptions in English only for now. ' : '';
    return reply('help', [
      section(`${hint}I could not find project details in that message. Tell me what the model should do and what it needs to know, e.g. "a support bot answering questions from our docs, which change weekly; we have no labeled data".`),
      section('Type "help" to see everything I can do.'),
    ]);
  }

  /** The question still open in a conversation, for a reply that does not touch its state; none when the store cannot say. */
  private async openQuestion(conversationId: string): Promise<Pick<Reply, 'question'>> {
    try {
      const state = await this.store.get(conversationId);
      return state ? this.pendingQuestion(state) : { question: null };
    } catch {
      return { question: null };
    }
  }

  private pendingQuestion(state: ConversationState): Pick<Reply, 'question'> {
    if (!state.pendingField) return { question: null };
    const { field, text, choices } = fieldQuestion(state.pendingField);
    return { question: { field, text, choices } };
  }
}

/** Fields a text reads differently from the profile ("what if the wiki only changed once a year?" also names the wiki, which the profile already holds). */
function changedFields(profile: Profile, text: string): ProfileField[] {
  const read = profileFromDeterministic(text);
  return (Object.keys(read) as ProfileField[]).filter((field) => profileValue(read, field) !== profileValue(profile, field));
}

/** Whether a message says outright what the model mainly does, or corrects it; a passing mention does not. */
function restatesTask(extraction: Extraction): boolean {
  return extraction.evidence.some((item) => item.field === 'task' && (item.tier >= 3 || item.corrects === true));
}

/** The second-best option (ties broken as the engine breaks them) and how far behind it is, to one decimal. */
function lead(result: EngineResult): { runnerUp: Option; gap: number } {
  const runnerUp = rankOptions(result.scores)[1] ?? result.recommendation;
  return { runnerUp, gap: Math.round((result.scores[result.recommendation] - result.scores[runnerUp]) * 10) / 10 };
}

/** What a what-if does to the closest rival when the recommendation stands: a lower confidence alone does not say who gains. */
function leadChange(before: EngineResult, after: EngineResult): string {
  const was = lead(before);
  const now = lead(after);
  if (now.gap === was.gap && now.runnerUp === was.runnerUp) return '';
  const rival = optionName(now.runnerUp);
  if (now.runnerUp !== was.runnerUp) return ` ${rival} would become the closest alternative, ${pointsText(now.gap)} behind; now it is ${optionName(was.runnerUp)}, ${pointsText(was.gap)} behind.`;
  return ` ${rival} would be ${pointsText(now.gap)} behind (now ${pointsText(was.gap)}).`;
}

function unknownCommandText(word: string): string {
  return `There is no "${word}" command. To change an answer, say the new value in plain words ("actually the docs change daily"). ${COMMANDS_LINE}`;
}

/** "Is a small model ok?", "should we use GPT-4?": a question about a choice, not the choice. */
const ASKS_ADVICE = /^(?:is|are|would|should|could|can|does|do|will|shall|isn'?t|wouldn'?t|shouldn'?t|what about|how about)\b[^.!?]*\?\s*$/;

function asksAdvice(text: string): boolean {
  return ASKS_ADVICE.test(normalise(text));
}

function actionIntent(action: NonNullable<UserMessage['action']>): Intent {
  switch (action) {
    case 'why':
      return { kind: 'why', option: null, negated: false };
    case 'post-summary':
      return { kind: 'summary' };
    case 'start-over':
      return { kind: 'start-over' };
    case 'show-profile':
      return { kind: 'show-profile' };
  }
}

function profileFromDeterministic(text: string): Profile {
  return extractProfile(text).profile;
}

/** A question about a value already read from loose wording or guessed says what was understood, so it reads as a check. */
function confirming(profile: Profile, field: ProfileField, text: string): string {
  const value = profileValue(profile, field);
  return value === undefined ? text : `From your description I took this as "${choiceLabel(field, value)}". Is that right?\n${text}`;
}

function withoutField(profile: Profile, field: ProfileField): Profile {
  const { [field]: _dropped, ...rest } = profile;
  return rest;
}

/** Guessed fields minus those the user has now given. */
function unconfirmed(guessed: readonly ProfileField[] | undefined, given: readonly ProfileField[]): ProfileField[] {
  return (guessed ?? []).filter((field) => !given.includes(field));
}
