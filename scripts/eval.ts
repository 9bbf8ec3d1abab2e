/**
 * `npm run eval`: the product's figures on the labelled development sets in ../shared/eval (or EVAL_DIR).
 * One-shot accuracy, field extraction P/R/F1, dialogue accuracy and questions with a simulated user,
 * retrieval recall@3 and MRR@5, and the verbatim rate of quotes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { createAdvisor, createMemoryStore, type Advisor } from '../src/index.js';
import { answerWhy } from '../src/dialog/why.js';
import { NOT_SURE_VALUE } from '../src/dialog/messages.js';
import { ProfileSchema, type Profile, type ProfileField } from '../src/profile/schema.js';

const EVAL_DIR = resolve(process.env.EVAL_DIR ?? resolve(import.meta.dirname, '../../shared/eval'));

const Scenario = z.object({ id: z.string(), text: z.string(), expected: z.string(), acceptable: z.array(z.string()).default([]) });
const ProfileCase = z.object({ id: z.string(), profile: ProfileSchema, stated: z.array(z.string()) });
const WhyCase = z.object({ id: z.string(), question: z.string(), gold: z.array(z.object({ file: z.string(), quote: z.string() })) });

function readJsonl<T>(name: string, schema: z.ZodType<T>): T[] {
  const path = resolve(EVAL_DIR, name);
  if (!existsSync(path)) throw new Error(`missing ${path}: set EVAL_DIR to the folder with the dev sets`);
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => schema.parse(JSON.parse(line)));
}

/** Normalised as the eval README says: case, whitespace, quote marks, non-breaking spaces. */
export function normaliseForMatch(text: string): string {
  return text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/[‘’´`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\*\*/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
const fixed = (value: number) => value.toFixed(3);

function oneShot(advisor: Advisor, scenarios: z.infer<typeof Scenario>[]) {
  const misses: string[] = [];
  let correct = 0;
  for (const scenario of scenarios) {
    const recommendation = advisor.assess(scenario.text).result?.recommendation ?? 'none';
    if (recommendation === scenario.expected || scenario.acceptable.includes(recommendation)) correct += 1;
    else misses.push(`${scenario.id}: got ${recommendation}, expected ${scenario.expected}`);
  }
  return { accuracy: ratio(correct, scenarios.length), misses };
}

function extraction(advisor: Advisor, scenarios: Map<string, z.infer<typeof Scenario>>, cases: z.infer<typeof ProfileCase>[]) {
  let truePositives = 0;
  let extractedStated = 0;
  let stated = 0;
  let extractedAll = 0;
  let correctAll = 0;
  for (const item of cases) {
    const text = scenarios.get(item.id)?.text ?? '';
    const got = advisor.extractSync(text) as Record<string, string>;
    const gold = item.profile as Record<string, string>;
    for (const field of item.stated) {
      stated += 1;
      if (got[field] !== undefined) extractedStated += 1;
      if (got[field] === gold[field]) truePositives += 1;
    }
    for (const [field, value] of Object.entries(got)) {
      extractedAll += 1;
      if (gold[field] === value) correctAll += 1;
    }
  }
  const precision = ratio(truePositives, extractedStated);
  const recall = ratio(truePositives, stated);
  return { precision, recall, f1: ratio(2 * precision * recall, precision + recall), precisionAllFields: ratio(correctAll, extractedAll) };
}

/** A simulated user answers every question from the complete profile. */
async function dialogue(advisor: Advisor, scenarios: Map<string, z.infer<typeof Scenario>>, cases: z.infer<typeof ProfileCase>[]) {
  let correct = 0;
  let questions = 0;
  const misses: string[] = [];
  for (const item of cases) {
    const scenario = scenarios.get(item.id);
    if (!scenario) continue;
    const base = { conversationId: `eval:${item.id}`, userId: 'eval' };
    let reply = await advisor.handle({ ...base, text: scenario.text });
    let asked = 0;
    while (reply.question && asked < 15) {
      asked += 1;
      const field = reply.question.field as ProfileField;
      const value = (item.profile as Profile)[field] ?? NOT_SURE_VALUE;
      reply = await advisor.handle({ ...base, text: value, choice: { field, value } });
    }
    questions += asked;
    const recommendation = reply.result?.recommendation ?? 'none';
    if (recommendation === scenario.expected || scenario.acceptable.includes(recommendation)) correct += 1;
    else misses.push(`${item.id}: got ${recommendation} after ${asked} questions, expected ${scenario.expected}`);
  }
  return { accuracy: ratio(correct, cases.length), meanQuestions: ratio(questions, cases.length), misses };
}

function retrieval(advisor: Advisor, cases: z.infer<typeof WhyCase>[]) {
  let recallSum = 0;
  let anyAt3 = 0;
  let reciprocalSum = 0;
  let quotes = 0;
  let verbatim = 0;
  const misses: string[] = [];
  for (const item of cases) {
    const answer = answerWhy(advisor.knowledge, item.question);
    const texts = answer.passages.map((passage) => normaliseForMatch(passage.text));
    const golds = item.gold.map((gold) => normaliseForMatch(gold.quote));
    const rankOf = (gold: string) => texts.findIndex((text) => text.includes(gold));
    const found = golds.filter((gold) => {
      const rank = rankOf(gold);
      return rank >= 0 && rank < 3;
    }).length;
    recallSum += ratio(found, golds.length);
    if (found > 0) anyAt3 += 1;
    const first = texts.slice(0, 5).findIndex((text) => golds.some((gold) => text.includes(gold)));
    reciprocalSum += first >= 0 ? 1 / (first + 1) : 0;
    if (found < golds.length) misses.push(`${item.id}: ${found}/${golds.length} gold quotes in top 3 (first hit at ${first + 1 || '-'})`);
    for (const citation of answer.citations) {
      quotes += 1;
      if (advisor.knowledge.passage(citation.passageId)?.text.includes(citation.quote)) verbatim += 1;
    }
  }
  return { recallAt3: ratio(recallSum, cases.length), anyHitAt3: ratio(anyAt3, cases.length), mrrAt5: ratio(reciprocalSum, cases.length), verbatimRate: ratio(verbatim, quotes), misses };
}

async function main(): Promise<void> {
  const scenarios = readJsonl('scenarios.dev.jsonl', Scenario);
  const profiles = readJsonl('profiles.dev.jsonl', ProfileCase);
  const whys = readJsonl('why.dev.jsonl', WhyCase);
  const byId = new Map(scenarios.map((scenario) => [scenario.id, scenario]));
  const advisor = await createAdvisor({ store: createMemoryStore() });
  const shot = oneShot(advisor, scenarios);
  const fields = extraction(advisor, byId, profiles);
  const talk = await dialogue(advisor, byId, profiles);
  const search = retrieval(advisor, whys);
  const figures = {
    sets: { scenarios: scenarios.length, profiles: profiles.length, why: whys.length, dir: EVAL_DIR },
    oneShotAccuracy: fixed(shot.accuracy),
    extraction: { precision: fixed(fields.precision), recall: fixed(fields.recall), f1: fixed(fields.f1), precisionAllFields: fixed(fields.precisionAllFields) },
    dialogue: { accuracy: fixed(talk.accuracy), meanQuestions: talk.meanQuestions.toFixed(2) },
    retrieval: { recallAt3: fixed(search.recallAt3), anyHitAt3: fixed(search.anyHitAt3), mrrAt5: fixed(search.mrrAt5), verbatimRate: fixed(search.verbatimRate) },
  };
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    return;
  }
  const lines = [
    `Dev sets: ${scenarios.length} scenarios, ${profiles.length} profiles, ${whys.length} why-questions (${EVAL_DIR})`,
    `One-shot accuracy (lenient)         ${figures.oneShotAccuracy}`,
    `Extraction on stated fields         P ${figures.extraction.precision}  R ${figures.extraction.recall}  F1 ${figures.extraction.f1}  (precision over every extracted field ${figures.extraction.precisionAllFields})`,
    `Dialogue, simulated user            accuracy ${figures.dialogue.accuracy}  mean questions ${figures.dialogue.meanQuestions}`,
    `Retrieval                           recall@3 ${figures.retrieval.recallAt3}  (any gold in top 3: ${figures.retrieval.anyHitAt3})  MRR@5 ${figures.retrieval.mrrAt5}`,
    `Quotes verbatim in their passage    ${figures.retrieval.verbatimRate}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const misses = [...shot.misses.map((m) => `one-shot ${m}`), ...talk.misses.map((m) => `dialogue ${m}`), ...search.misses.map((m) => `retrieval ${m}`)];
  if (misses.length > 0 && process.argv.includes('--verbose')) process.stdout.write(`\nMisses:\n${misses.map((m) => `  ${m}`).join('\n')}\n`);
}

await main();
