import MiniSearch from 'minisearch';
import { processTerm, tokenize } from '../text/terms.js';
import type { Passage } from './passages.js';
import type { QuestionVocabulary } from './vocabulary.js';

/**
 * Words and example questions written for a passage, against its own text. The weight grew with the field:
 * at about 29 questions a passage 0.75 was best; at about 37, 1.6 was best over 223 questions from
 * independently written sets (1.1, 1.3 and 2.0 were lower), and it held on 168 questions never tuned on.
 */
const VOCABULARY_BOOST = 1.6;

/** Words people use in questions mapped to the words the documents use. */
const SYNONYMS: Record<string, string[]> = {
  gpu: ['compute', 'infrastructure', 'resources'],
  gpus: ['compute', 'infrastructure', 'resources'],
  hallucinate: ['hallucinations', 'inaccurate'],
  hallucinations: ['inaccurate', 'fabrications'],
  cheap: ['cost'],
  expensive: ['cost'],
  price: ['cost'],
  fast: ['latency', 'speed'],
  slow: ['latency'],
  speed: ['latency'],
  quick: ['latency', 'speed'],
  latency: ['speed', 'inference'],
  privacy: ['sensitive', 'privacy'],
  sensitive: ['privacy'],
  secure: ['privacy', 'sensitive'],
  personalize: ['personalization', 'user'],
  personalise: ['personalization', 'user'],
  personal: ['personalization'],
  style: ['tone', 'linguistic'],
  tone: ['style', 'voice', 'nuances', 'writing'],
  voice: ['tone', 'style'],
  json: ['format', 'formatting', 'output'],
  format: ['formatting', 'output'],
  template: ['format', 'formatting'],
  changes: ['dynamic', 'updates', 'retraining'],
  change: ['dynamic', 'updates', 'retraining'],
  update: ['retraining', 'updates'],
  outdated: ['frozen', 'retraining'],
  stale: ['frozen', 'outdated'],
  labeled: ['training', 'data'],
  labelled: ['training', 'data'],
  examples: ['dataset', 'samples', 'data'],
  long: ['time', 'hours', 'days'],
  take: ['time'],
  setting: ['setup'],
  setup: ['setup'],
  depend: ['requires', 'needs', 'critical', 'quality'],
  depends: ['requires', 'needs', 'critical', 'quality'],
  well: ['solid', 'performance'],
  look: ['form'],
  part: ['partially', 'layers'],
  partially: ['layers'],
  keep: ['retain'],
  abilities: ['capabilities'],
  ability: ['capabilities'],
  hosted: ['large', 'access'],
  access: ['accessible'],
  control: ['guardrails', 'controlling'],
  allowed: ['guardrails'],
  talk: ['discussing', 'dialog'],
  wins: ['favoring'],
  win: ['favoring'],
  document: ['analysis'],
  all: ['off-the-shelf', 'as-is'],
  neither: ['off-the-shelf', 'as-is'],
  nothing: ['off-the-shelf', 'as-is'],
  need: ['requires'],
  data: ['dataset'],
  citations: ['sources', 'references', 'transparency'],
  cite: ['sources', 'references'],
  sources: ['references', 'transparency'],
  references: ['sources'],
  explain: ['transparency', 'interpretability'],
  transparent: ['transparency', 'interpretability'],
  'black-box': ['transparency'],
  forget: ['forgetting', 'catastrophic'],
  forgetting: ['catastrophic'],
  small: ['smaller'],
  tiny: ['small', 'smaller'],
  big: ['large', 'massive'],
  phone: ['device', 'on-device'],
  mobile: ['device', 'on-device'],
  offline: ['device', 'on-device'],
  hybrid: ['combination', 'combining', 'blending', 'both'],
  combine: ['combination', 'hybrid'],
  both: ['hybrid', 'combination'],
  evaluate: ['evaluation', 'evaluate'],
  prompt: ['off-the-shelf'],
  prompting: ['off-the-shelf'],
  'off-the-shelf': ['prompting'],
  consistent: ['consistency'],
  memorize: ['memorization'],
  memorise: ['memorization'],
  // Everyday words for the concepts the documents name in their headings.
  cheaper: ['cost', 'expensive', 'reduced', 'efficient'],
  cheapest: ['cost', 'expensive'],
  costly: ['cost', 'expensive'],
  pricey: ['cost', 'expensive'],
  budget: ['cost', 'investment'],
  money: ['cost'],
  afford: ['cost', 'expensive'],
  cost: ['expensive', 'investment'],
  costs: ['expensive', 'investment'],
  grow: ['scalability', 'scalable', 'larger'],
  grows: ['scalability', 'scalable', 'larger'],
  growing: ['scalability', 'scalable', 'larger'],
  scale: ['scalability', 'scalable'],
  tenfold: ['scalability', 'larger'],
  volume: ['scalability', 'larger'],
  bigger: ['larger', 'scalability'],
  wreck: ['damaging', 'lose', 'capabilities'],
  ruin: ['damaging', 'lose', 'capabilities'],
  damage: ['damaging', 'capabilities'],
  break: ['damaging', 'capabilities'],
  lose: ['forget', 'capabilities'],
  conversation: ['conversational', 'chitchat'],
  conversations: ['conversational', 'chitchat'],
  chat: ['conversational', 'chitchat'],
  normal: ['general'],
  latest: ['current', 'up-to-date', 'dynamic'],
  news: ['current', 'up-to-date'],
  fresh: ['current', 'up-to-date', 'dynamic'],
  current: ['up-to-date', 'dynamic'],
  fixed: ['static', 'memorization'],
  static: ['memorization', 'rarely'],
  test: ['evaluate', 'testing'],
  testing: ['evaluate', 'evaluation'],
  measure: ['evaluate', 'evaluation'],
  benchmark: ['evaluate', 'evaluation'],
  quality: ['evaluate', 'relevance'],
  tooling: ['tools', 'frameworks'],
  tool: ['tools', 'frameworks'],
  library: ['frameworks', 'tools'],
  libraries: ['frameworks', 'tools'],
  snippets: ['portions', 'essential', 'chunks'],
  snippet: ['portions', 'essential', 'chunks'],
  chunks: ['portions', 'pieces'],
  excerpts: ['portions', 'essential'],
  whole: ['full', 'entire'],
  tasks: ['multiple', 'versatile'],
  different: ['multiple', 'various'],
  many: ['multiple', 'various'],
  lots: ['multiple', 'various'],
  separate: ['multiple', 'specialized'],
  maintain: ['maintenance', 'upkeep'],
  maintenance: ['upkeep', 'support'],
  upkeep: ['maintenance'],
  team: ['expertise'],
  skills: ['expertise'],
  engineers: ['expertise'],
  trust: ['transparency', 'reliability'],
  reliable: ['reliability', 'robustness', 'consistency'],
  robust: ['robustness', 'reliability'],
  wrong: ['inaccurate', 'hallucinations'],
  lie: ['hallucinations', 'fabrications'],
  invent: ['hallucinations', 'fabrications'],
  legal: ['compliance', 'ethical'],
  compliance: ['ethical', 'privacy'],
  gdpr: ['privacy', 'sensitive'],
  pii: ['privacy', 'sensitive'],
  customer: ['user'],
  customers: ['users'],
  integrate: ['integration', 'existing'],
  existing: ['integration'],
  deploy: ['deployment', 'production'],
  production: ['deployment'],
  launch: ['production', 'deployment'],
  size: ['scalability', 'model'],
  brand: ['tone', 'style'],
  jargon: ['domain-specific', 'terminology', 'specialized', 'domain', 'nuances'],
  terminology: ['domain-specific', 'jargon'],
  fabricate: ['hallucinations', 'fabrications'],
  hallucination: ['hallucinations', 'inaccurate'],
  reduce: ['reducing', 'minimize', 'suppressing'],
  prevent: ['reducing', 'minimize', 'suppressing'],
  stop: ['reducing', 'minimize', 'suppressing'],
  cut: ['reducing', 'minimize'],
  monitor: ['monitoring', 'audit', 'deviations'],
  monitoring: ['audit', 'deviations'],
  checking: ['audit', 'monitoring'],
  audit: ['trace', 'transparency', 'explainability', 'sources'],
  auditors: ['audit', 'trace', 'sources'],
  behaves: ['behavior'],
  behaviour: ['behavior'],
  behave: ['behavior'],
  nuance: ['nuances'],
  cope: ['handle'],
  rent: ['compute', 'resources'],
  renting: ['compute', 'resources'],
  tricks: ['efficient', 'parameter-efficient'],
  bot: ['chatbots', 'chatbot'],
  bots: ['chatbots', 'chatbot'],
  support: ['customer', 'service'],
  openai: ['open', 'hosted'],
  'open-source': ['open', 'source', 'llama'],
  language: ['languages', 'guidelines'],
  reply: ['respond', 'responses'],
  replies: ['respond', 'responses'],
  force: ['adhere', 'guidelines'],
  rules: ['guidelines', 'adhere'],
  facts: ['knowledge', 'information', 'factual'],
  fact: ['knowledge', 'information', 'factual'],
  // "Train it on our tickets" is how most people say fine-tune; "lookups" is how they say retrieval.
  train: ['fine-tune', 'fine-tuning'],
  trained: ['fine-tuned', 'fine-tuning'],
  training: ['fine-tuning'],
  retrain: ['retraining', 'fine-tuning'],
  retrained: ['retraining', 'fine-tuned'],
  teach: ['fine-tune', 'training'],
  lookup: ['retrieval', 'retrieve'],
  lookups: ['retrieval', 'retrieve'],
  search: ['retrieval', 'retrieve'],
  fetch: ['retrieval', 'retrieve'],
  downside: ['drawback', 'downsides', 'limitations', 'trades'],
  downsides: ['drawback', 'limitations', 'trades'],
  drawbacks: ['drawback', 'downsides', 'limitations'],
  risk: ['drawback', 'downsides', 'risks'],
  swedish: ['language'],
  french: ['language'],
  german: ['language'],
  spanish: ['language'],
};

/** Everyday phrases whose meaning is not in any one of their words ("make stuff up" is hallucinating). */
const PHRASE_SYNONYMS: [RegExp, string][] = [
  [/\b(?:make|makes|making|made) (?:\w+ ){0,2}up\b/, 'hallucinations fabrications inaccurate'],
  [/\bhow long\b/, 'time hours days'],
  [/\bset(?:ting)? (?:it |things )?up\b/, 'setup'],
  [/\bkeep (?:\w+ ){0,2}up to date\b/, 'up-to-date current dynamic'],
  [/\bgo(?:es)? wrong\b/, 'risks inaccurate drawback'],
  [/\bout of (?:coverage|signal|range)\b|\b(?:no|zero|without|poor|patchy) (?:signal|coverage|connectivity|internet|network|reception|wi-?fi)\b/, 'offline on-device device'],
  // "Often" alone is any habit ("drivers are often offline"); next to change it is about dynamic data.
  [/\b(?:chang|updat|refresh|revis)\w* (?:\w+ ){0,2}(?:often|frequently)\b|\b(?:often|frequently) (?:\w+ )?(?:chang|updat|refresh|revis)\w*/, 'frequently dynamic'],
];

export function expandQuery(question: string): string {
  const words = tokenize(question);
  // "phi-2" in a question, "phi2" in a document.
  const joined = words.filter((word) => word.includes('-')).map((word) => word.replace(/-/g, ''));
  const extra = [...words, ...joined].flatMap((word) => SYNONYMS[word] ?? []);
  const lower = question.toLowerCase();
  const phrases = PHRASE_SYNONYMS.filter(([pattern]) => pattern.test(lower)).map(([, words]) => words);
  return [...words, ...joined, ...extra, ...phrases].join(' ');
}

export interface RankedPassage {
  passage: Passage;
  score: number;
  /** Distinct query terms the passage matched. */
  matchedTerms: number;
}

/** BM25 full-text search over passages (MiniSearch), headings boosted; built once, no network. */
export class PassageIndex {
  private readonly search: MiniSearch<Passage>;
  private readonly byId: Map<string, Passage>;

  constructor(
    readonly passages: Passage[],
    vocabulary: QuestionVocabulary = {},
  ) {
    this.byId = new Map(passages.map((passage) => [passage.passageId, passage]));
    this.search = new MiniSearch<Passage>({
      idField: 'passageId',
      fields: ['text', 'section', 'title', 'vocabulary'],
      storeFields: [],
      tokenize,
      processTerm,
      extractField: (passage, field) => (field === 'vocabulary' ? (vocabulary[passage.passageId] ?? '') : String(passage[field as keyof Passage] ?? '')),
      searchOptions: { boost: { section: 1.5, title: 0.3, vocabulary: VOCABULARY_BOOST }, prefix: false, fuzzy: false, combineWith: 'OR' },
    });
    this.search.addAll(passages);
  }

  get(passageId: string): Passage | undefined {
    return this.byId.get(passageId);
  }

  query(question: string, limit = 8, boosts?: ReadonlyMap<string, number>): RankedPassage[] {
    const results = this.search.search(expandQuery(question), {
      boostDocument: boosts ? (id) => 1 + (boosts.get(String(id)) ?? 0) : undefined,
    });
    // Results come sorted; only the head can reach the top after diversifying.
    const ranked = results.slice(0, DIVERSIFY_POOL).flatMap((result) => {
      const passage = this.byId.get(String(result.id));
      return passage ? [{ passage, score: result.score, matchedTerms: result.terms.length }] : [];
    });
    // Passages the topic points at but that share no words with the question still deserve a place.
    if (boosts) {
      const top = ranked[0]?.score ?? 0;
      const seen = new Set(ranked.map((item) => item.passage.passageId));
      for (const [passageId, amount] of boosts) {
        const passage = this.byId.get(passageId);
        if (passage && !seen.has(passageId)) ranked.push({ passage, score: top * TOPIC_FLOOR * amount, matchedTerms: 0 });
      }
      ranked.sort((a, b) => b.score - a.score);
    }
    return diversify(ranked, limit).map((item) => ({ ...item, score: Math.round(item.score * 1000) / 1000 }));
  }
}

/** A second chunk of an already chosen section, or another passage of a chosen document, counts for less. */
const SAME_SECTION_FACTOR = 0.45;
const SAME_DOCUMENT_FACTOR = 0.6;
const DIVERSIFY_POOL = 40;
/** A boosted passage with no word of the question scores this share of the best hit per unit of boost. */
const TOPIC_FLOOR = 0.1;

function sectionKey(passage: Passage): string {
  return passage.passageId.replace(/~\d+$/, '');
}

/**
 * Greedy re-ranking so the top few passages cover different sections and documents: answers usually need
 * evidence from several sources, and a section's second chunk rarely adds a new point.
 */
export function diversify(ranked: RankedPassage[], limit: number): RankedPassage[] {
  const pool = ranked.slice(0, DIVERSIFY_POOL);
  const chosen: RankedPassage[] = [];
  const sections = new Set<string>();
  const documents = new Set<string>();
  while (chosen.length < limit && pool.length > 0) {
    let bestIndex = 0;
    let bestScore = -Infinity;
    pool.forEach((item, index) => {
      const factor = (sections.has(sectionKey(item.passage)) ? SAME_SECTION_FACTOR : 1) * (documents.has(item.passage.docId) ? SAME_DOCUMENT_FACTOR : 1);
      if (item.score * factor > bestScore) {
        bestScore = item.score * factor;
        bestIndex = index;
      }
    });
    const [item] = pool.splice(bestIndex, 1);
    if (!item) break;
    chosen.push({ ...item, score: bestScore });
    sections.add(sectionKey(item.passage));
    documents.add(item.passage.docId);
  }
  return chosen;
}
