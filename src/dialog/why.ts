import { FACTOR_RULES } from '../engine/rules.js';
import { OPTIONS, type FactorRule, type Option, type Reason } from '../engine/types.js';
import { mentionedOption, withoutOpener, withoutOptionNames } from './intents.js';
import type { KnowledgeBase, Passage, RankedPassage } from '../knowledge/index.js';
import { processTerm, tokenize } from '../text/terms.js';
import { normalise } from '../profile/extract.js';
import type { ProfileField } from '../profile/schema.js';
import type { AssessmentResult, CitationView } from './messages.js';
import { describeValue, optionName, pointsText, readableQuote, reasonsFor } from './render.js';

/** What a "why" question is about, mapped to the profile fields whose rules cite the relevant passages. */
const TOPICS: { field: ProfileField; pattern: RegExp }[] = [
  { field: 'mlCapacity', pattern: /\bgpus?\b|\bcompute\b|\binfrastructure\b|\bml team\b|\bexpertise\b/ },
  { field: 'labeledExamples', pattern: /\blabel\w*\b|\btraining data\b|\bexamples?\b|\bdataset\b|\bhow much data\b/ },
  { field: 'knowledgeFreshness', pattern: /\bchang\w*\b|\bupdat\w*\b|\bfresh\w*|\bcurrent\b|\bstale\b|\boutdated\b|\brarely\b|\bstatic\b|\bdynamic\b/ },
  { field: 'behaviourNeed', pattern: /\bstyle\b|\btone\b|\bvoice\b|\bwriting\b|\bguidelines?\b|\bconsistent\b/ },
  { field: 'outputStructure', pattern: /\bjson\b|\bformat\w*\b|\btemplate\b|\bschema\b|\btables?\b/ },
  { field: 'accuracyStakes', pattern: /\bhallucinat\w*\b|\baccura\w*\b|\bwrong\b|\bmake(?:s)? up\b/ },
  { field: 'citations', pattern: /\bsources?\b|\bcit\w+\b|\breferences?\b|\bblack box\b|\btranspar\w*\b|\bexplain\w*\b/ },
  { field: 'latency', pattern: /\blatency\b|\bfast\b|\bslow\b|\bspeed\b|\breal.?time\b/ },
  { field: 'deployment', pattern: /\bon.device\b|\bphone\b|\bdevice\b|\boffline\b|\bedge\b/ },
  { field: 'dataRestriction', pattern: /\bprivacy\b|\bsensitive\b|\bconfidential\b|\bvector (?:db|database)\b/ },
  { field: 'personalization', pattern: /\bpersonali\w*\b|\beach user\b|\bper.user\b/ },
  { field: 'modelClass', pattern: /\bmodel size\b|\b\d+b\b|\bllama\b|\bgpt\b|\bsmall model\b|\bmid.size\b|\bbig (?:hosted )?(?:llm|model)\b|\blarge model\b/ },
  { field: 'domainLanguage', pattern: /\bjargon\b|\bterminolog\w*\b|\bdomain\b|\bspeciali[sz]ed\b/ },
];

/**
 * Phrases about the advice itself ("does that change your answer?") carry no topic: "change" there is not
 * about data that changes, and "wrong" in "pick the wrong one" is not about accuracy.
 */
const META_PHRASES = [
  /\b(?:does|do|would|will|could|can|might|should) (?:that|this|it|these|those|any of (?:that|this)) (?:still )?change (?:the|your|our|my|this|that|anything|things|much|a lot)?\s*(?:advice|answer|recommendation|verdict|pick|choice|call|mind|suggestion|conclusion|outcome|result)?\b/g,
  /\bchange (?:your|the) (?:advice|answer|recommendation|verdict|mind|suggestion)\b/g,
  /\b(?:pick|picks|picked|choose|chose|go with|bet on) (?:the )?wrong(?: one| option| approach)?\b/g,
  // "Why is fine-tuning not recommended?" asks about this advice, not about recommendation systems.
  /\b(?:is|was|are|isn't|wasn't|aren't|is not|was not|are not|not|being) (?:being )?(?:recommended|suggested|advised)\b/g,
  // "Our current bot" is the one they have, not knowledge that must stay current.
  /\b(?:our|the|my|their|your) current\b/g,
];

function withoutMetaPhrases(question: string): string {
  return META_PHRASES.reduce((text, pattern) => text.replace(pattern, ' '), question);
}

/** Passages cited by rules on a topic rank higher for questions on it; the engine's own reasons a little too. */
const TOPIC_BOOST = 1.5;
const REASON_BOOST = 0.5;
const OPTION_BOOST = 0.5;
const PASSAGES_RETURNED = 8;
const QUOTES_SHOWN = 3;
/** A top passage matching fewer distinct terms than this means the documents do not address the question. */
const MIN_MATCHED_TERMS = 2;

export interface WhyPassage {
  passageId: string;
  docId: string;
  title: string;
  section: string;
  text: string;
  score: number;
}

export interface WhyAnswer {
  answer: string;
  covered: boolean;
  passages: WhyPassage[];
  citations: { passageId: string; quote: string }[];
  /** Citations ready to show (title and section). */
  views: CitationView[];
  /** The engine's part of the answer, one line each, numbered to the quotes when they are the reasons' own. */
  engineLines: string[];
  /** The same lines unnumbered, for a writer that is given the passages but not this answer's numbering. */
  engineReasons: string[];
}

/** "Why not X?" is about rules that weigh against X; "why X?" about rules that favour it most. */
function optionRuleMatches(rule: FactorRule, option: Option, negated: boolean): boolean {
  const weight = rule.weights[option] ?? 0;
  if (negated) return weight <= -1;
  return weight >= 1.5 && OPTIONS.every((other) => (rule.weights[other] ?? 0) <= weight);
}

/**
 * "What is RAG?" asks for a definition, and the sections written as one ("What is RAG?", "How RAG works")
 * answer it better than any passage that merely uses the word. Only a bare term counts: "what is the cost of
 * fine-tuning?" asks about cost.
 */
const DEFINITION_QUESTION = /^(?:what(?:'s| is| are)|define|explain|meaning of)\s+(?:an? |the )?([\w -]{1,40}?)\s*\??$/;
const NOT_A_BARE_TERM = /\b(?:of|for|with|when|if|between|vs|versus|than|better|best|difference|our|my|we|you|your|it|this|that)\b/;
const DEFINING_HEADING = /\bwhat (?:is|are)\b|\bhow (?:does|do) .+ work\b|\bhow .+ works\b|\bunderstanding\b/i;
const DEFINITIONS_FIRST = 3;

function asksWhat(heading: string): number {
  return /\bwhat (?:is|are)\b/i.test(heading) ? 0 : 1;
}

/** The term a bare "what is X?" asks to define, or null. */
function definedTerm(question: string): string | null {
  const term = DEFINITION_QUESTION.exec(withoutOpener(normalise(question)))?.[1];
  return term && !NOT_A_BARE_TERM.test(term) && term.split(' ').length <= 4 ? term : null;
}

function definingPassages(knowledge: KnowledgeBase, term: string | null): Passage[] {
  if (!term) return [];
  const asked = new Set(contentTerms(term));
  const ownHeading = (passage: Passage) => passage.section.split(' › ').pop() ?? '';
  const defining = knowledge.passages
    .filter((passage) => DEFINING_HEADING.test(passage.section) && contentTerms(ownHeading(passage)).some((word) => asked.has(word)) && sharesContentTerm(passage.text, term))
    // A heading that asks the question comes first, then the shortest heading naming the term.
    .sort((a, b) => asksWhat(ownHeading(a)) - asksWhat(ownHeading(b)) || ownHeading(a).length - ownHeading(b).length);
  const oneEach = defining.filter((passage, index) => defining.findIndex((other) => other.docId === passage.docId) === index);
  return oneEach.slice(0, DEFINITIONS_FIRST);
}

function topicBoosts(question: string, result: AssessmentResult | null): Map<string, number> {
  const text = withoutMetaPhrases(withoutOpener(normalise(question)));
  const fields = new Set(TOPICS.filter(({ pattern }) => pattern.test(text)).map(({ field }) => field));
  const option = mentionedOption(text);
  const negated = /^why (?:not|wouldn't|shouldn't|don't|can't)\b/.test(text);
  const boosts = new Map<string, number>();
  const add = (passageId: string, amount: number) => boosts.set(passageId, (boosts.get(passageId) ?? 0) + amount);
  for (const rule of FACTOR_RULES) {
    if (rule.field === 'baseline') continue;
    const onTopic = fields.has(rule.field);
    const onOption = option !== null && /^why\b/.test(text) && optionRuleMatches(rule, option, negated);
    const amount = (onTopic ? TOPIC_BOOST : 0) + (onOption ? OPTION_BOOST : 0);
    if (amount > 0) for (const citation of rule.citations) add(citation.passageId, amount);
  }
  for (const reason of result?.reasons ?? []) for (const citation of reason.citations) add(citation.passageId, REASON_BOOST);
  return boosts;
}

const QUESTION_WORDS = /^(?:why|how|what|so|not|then|again|really|ok|okay|huh|come|the|is|that|this|it)$/;

function contentTerms(text: string): string[] {
  return tokenize(text).flatMap((word) => (QUESTION_WORDS.test(word) ? [] : (processTerm(word) ?? [])));
}

function hasContentTerms(question: string): boolean {
  return contentTerms(question).length > 0;
}

/** The option's name alone must not make an unrelated question ("what's the weather?") look answered. */
function sharesContentTerm(passageText: string, question: string): boolean {
  const passageTerms = new Set(tokenize(passageText).flatMap((word) => processTerm(word) ?? []));
  return contentTerms(question).some((term) => passageTerms.has(term));
}

const REASONS_SHOWN = 3;

/** The engine's reasons that bear on the question: against the option asked about, or for the recommendation. */
function decisionReasons(result: AssessmentResult, option: Option | null): Reason[] {
  const asked = option ?? result.recommendation;
  if (asked === result.recommendation) return reasonsFor(result).slice(0, REASONS_SHOWN);
  const edge = (reason: Reason) => (reason.weights[result.recommendation] ?? 0) - (reason.weights[asked] ?? 0);
  return result.reasons
    .filter((reason) => edge(reason) > 0)
    .sort((a, b) => edge(b) - edge(a))
    .slice(0, REASONS_SHOWN);
}

/** Words that, in a "why" question, are about choosing rather than about any topic ("why did you pick RAG?"). */
const CHOOSING_WORDS = /\b(?:recommend\w*|suggest\w*|propos\w*|pick\w*|chose|choos\w*|choice|opt(?:ed)?|advi[cs]e\w*|verdict|answer|decision|decided?|better|worse|best|instead|rather|just|over|than|option|approach|go(?:ing)?|went|use|using)\b/g;

/** "Why?" and "why not fine-tuning?" name nothing but the decision; searched as asked, they find whatever mentions the option most. */
export function asksOnlyAboutDecision(question: string): boolean {
  return !hasContentTerms(withoutOptionNames(withoutMetaPhrases(withoutOpener(normalise(question)))).replace(CHOOSING_WORDS, ' '));
}

/**
 * "Why?" and "why not fine-tuning?" are answered by the reasons that bear on them, so the passages to quote are
 * the ones those rules cite, with the sentence chosen for each rule. Searching instead (with the question, the
 * reasons' wording, or the cited sentences) found passages that mention the option but make another point.
 */
function reasonCitations(knowledge: KnowledgeBase, reasons: readonly Reason[]): Evidence & { markers: string[] } {
  const views: CitationView[] = [];
  const markers = reasons.map((reason) => {
    const view = reason.citations.map((citation) => knowledge.view(citation)).find((found) => found !== null);
    if (!view) return '';
    const index = views.findIndex((shown) => shown.passageId === view.passageId && shown.quote === view.quote);
    if (index < 0) views.push(view);
    return ` [${index < 0 ? views.length : index + 1}]`;
  });
  const passageIds = [...new Set(views.map((view) => view.passageId))];
  const ranked = passageIds.flatMap((passageId, index) => {
    const passage = knowledge.passage(passageId);
    return passage ? [{ passage, score: passageIds.length - index, matchedTerms: 0 }] : [];
  });
  return { ranked, views, covered: views.length > 0, markers };
}

function reasonLine(reason: Reason, marker = ''): string {
  return `- ${describeValue(reason.factor as ProfileField, reason.value)}: ${reason.text}${marker}`;
}

/** The engine's part of the answer; `markers` number each reason's quote when the answer quotes the rules' citations. */
function engineLines(result: AssessmentResult, option: Option | null, negated: boolean, markers: readonly string[] = []): string[] {
  const asked = option ?? result.recommendation;
  const lines = decisionReasons(result, option).map((reason, index) => reasonLine(reason, markers[index]));
  if (asked === result.recommendation) {
    // "Why not X?" when X is the recommendation: say so instead of comparing X with itself.
    const head = negated ? `${optionName(asked)} is what the engine recommends for this project, because:` : `For this project the engine recommends ${optionName(asked)} because:`;
    return lines.length > 0 ? [head, ...lines] : [];
  }
  const gap = Math.round((result.scores[result.recommendation] - result.scores[asked]) * 10) / 10;
  const head = `For this project ${optionName(asked)} scores ${pointsText(gap)} below ${optionName(result.recommendation)}:`;
  return [head, ...lines];
}

const NEGATED = /\b(?:not|no|isn't|wasn't|aren't|wouldn't|shouldn't|don't)\b|n't\b|\binstead\b/;
/** What to search for when asked why an option, with no project: the sources' own case for it. */
const CASE_FOR: Record<Option, string> = {
  rag: 'when to choose RAG advantages over fine-tuning',
  'fine-tuning': 'use fine-tuning when consistent style tone format domain terminology',
  hybrid: 'hybrid approaches combine fine-tuning and RAG',
  prompting: 'off-the-shelf model as-is works better than fine-tuning or RAG',
};

/** The words the documents use for each option, to stand in for "it" in a follow-up question. */
const OPTION_TERMS: Record<Option, string> = { rag: 'RAG retrieval', 'fine-tuning': 'fine-tuning', hybrid: 'hybrid RAG fine-tuning', prompting: 'off-the-shelf model' };

/** No passage to be quoted matches MIN_MATCHED_TERMS distinct terms: the documents do not address it. */
function isCovered(ranked: readonly RankedPassage[]): boolean {
  return ranked.slice(0, QUOTES_SHOWN).some((item) => item.matchedTerms >= MIN_MATCHED_TERMS);
}

/**
 * "What is LoRA?" has one word to go on: enough when few passages say it, so those that do are about it. A word
 * most passages use ("what is the time?") says nothing about what is asked.
 */
const RARE_SHARE = 0.05;

function namesRareTerm(knowledge: KnowledgeBase, ranked: readonly RankedPassage[], term: string | null): boolean {
  if (!term || new Set(contentTerms(term)).size !== 1) return false;
  const saying = knowledge.passagesSaying(term);
  return saying > 0 && saying <= knowledge.passages.length * RARE_SHARE && ranked.slice(0, QUOTES_SHOWN).some((item) => sharesContentTerm(item.passage.text, term));
}

/** Words that ask about something without naming it ("what about …?", "which is more …?"). */
const ASKING_WORDS = /^(?:about|which|more|less|does|do|we|our|us|you|your|there|any|are|a|an)$/;

/**
 * "What about scalability?" has one word to go on; it is enough when a top passage's own heading names it
 * ("1. Scalability"), as a section written on the topic answers it.
 */
function namesSectionTopic(ranked: readonly RankedPassage[], question: string): boolean {
  const terms = [...new Set(contentTerms(question.replace(/[^\w\s'-]/g, ' ').split(/\s+/).filter((word) => !ASKING_WORDS.test(word)).join(' ')))];
  if (terms.length !== 1) return false;
  const [term] = terms;
  return ranked.slice(0, QUOTES_SHOWN).some(({ passage }) => contentTerms(passage.section.split(' › ').at(-1) ?? '').includes(term ?? ''));
}

function withDefinitionsFirst(ranked: RankedPassage[], defining: readonly Passage[]): RankedPassage[] {
  if (defining.length === 0) return ranked;
  // Ranked above every search result, in their own order, so `why --json` lists them first with the highest scores.
  // Coverage is not judged by matched terms here: a defining section answers the question by being one.
  const top = ranked[0]?.score ?? 1;
  const first = defining.map((passage, index) => ({ passage, score: Math.round((top + defining.length - index) * 1000) / 1000, matchedTerms: 0 }));
  const ids = new Set(defining.map((passage) => passage.passageId));
  return [...first, ...ranked.filter((item) => !ids.has(item.passage.passageId))].slice(0, PASSAGES_RETURNED);
}

function toPassage({ passage, score }: RankedPassage): WhyPassage {
  return { passageId: passage.passageId, docId: passage.docId, title: passage.title, section: passage.section, text: passage.text, score };
}

interface Evidence {
  ranked: RankedPassage[];
  views: CitationView[];
  covered: boolean;
}

/** The passages a search for the question finds, each quoted for it; definitions first for "what is X?". */
function searchedEvidence(knowledge: KnowledgeBase, question: string, result: AssessmentResult | null, option: Option | null): Evidence {
  const stripped = withoutMetaPhrases(withoutOpener(normalise(question)));
  // "Why RAG?" with no project to explain: what the sources give as reasons to choose it.
  const named = option ?? mentionedOption(normalise(question));
  const caseFor = !result && named !== null && !NEGATED.test(normalise(question)) && asksOnlyAboutDecision(question) ? CASE_FOR[named] : null;
  const searched = caseFor ?? (hasContentTerms(stripped) ? stripped : question);
  const term = definedTerm(question);
  const defining = definingPassages(knowledge, term);
  let ranked = withDefinitionsFirst(knowledge.search(searched, PASSAGES_RETURNED, topicBoosts(question, result)), defining);
  let covered = defining.length > 0 || isCovered(ranked) || namesRareTerm(knowledge, ranked, term) || namesSectionTopic(ranked, stripped);
  // "How do we evaluate it?" after a recommendation: "it" is the recommended approach.
  if (!covered && result && mentionedOption(normalise(question)) === null) {
    const resolved = `${question} ${OPTION_TERMS[option ?? result.recommendation]}`;
    const retry = knowledge.search(resolved, PASSAGES_RETURNED, topicBoosts(resolved, result));
    if (isCovered(retry) && retry[0] && sharesContentTerm(retry[0].passage.text, question)) [ranked, covered] = [retry, true];
  }
  const definedWords = term ? new RegExp(contentTerms(term).map((word) => `\\b${word}`).join('|'), 'i') : null;
  const views = covered
    ? ranked.slice(0, QUOTES_SHOWN).map(({ passage }) => (definedWords && defining.includes(passage) ? knowledge.definitionFor(passage, definedWords, question) : knowledge.quoteFor(passage, question)))
    : [];
  return { ranked, views, covered };
}

/** Answers a "why" question from the engine's reasons and quoted passages of the bundled documents (SPEC 5). */
export function answerWhy(
  knowledge: KnowledgeBase,
  question: string,
  context: { result?: AssessmentResult | null; option?: Option | null; negated?: boolean; explainDecision?: boolean } = {},
): WhyAnswer {
  const result = context.result ?? null;
  const option = context.option ?? null;
  const explain = result !== null && context.explainDecision !== false;
  const cited = explain && asksOnlyAboutDecision(question) ? reasonCitations(knowledge, decisionReasons(result, option)) : null;
  const { ranked, views, covered } = cited?.covered ? cited : searchedEvidence(knowledge, question, result, option);
  const plainLines = explain ? engineLines(result, option, context.negated ?? false) : [];
  const lines = explain && cited?.covered ? engineLines(result, option, context.negated ?? false, cited.markers) : plainLines;
  // Read as in the chat (a table row with its column names); `citations` keep the verbatim quote.
  const quoted = views.map((view, index) => `[${index + 1}] "${readableQuote(view.quote, view.columns)}" — ${view.title} › ${view.section}`);
  const sourcePart = covered ? ['From the sources:', ...quoted] : ["The sources don't cover this question. Try asking about RAG, fine-tuning, data, cost, latency, privacy or model size."];
  return {
    answer: [...lines, ...(lines.length > 0 ? [''] : []), ...sourcePart].join('\n'),
    covered,
    passages: ranked.map(toPassage),
    citations: views.map(({ passageId, quote }) => ({ passageId, quote })),
    views,
    engineLines: lines,
    engineReasons: plainLines,
  };
}
