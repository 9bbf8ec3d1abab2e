/**
 * `npm run eval`: the product's figures on the labelled development sets in ../shared/eval (or EVAL_DIR).
 * One-shot accuracy, field extraction P/R/F1, dialogue accuracy and questions with a simulated user,
 * retrieval recall@3 and MRR@5, the verbatim rate of quotes, and how often a quote is the gold sentence.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { createAdvisor, createLanguageModel, createMemoryStore, extractProfile, type Advisor } from '../src/index.js';
import { ALL_NULL_PROFILE, passageIdsOf, startFakeOpenAi, userMessageOf, type ChatRequest, type ScriptedResponse } from '../test/helpers/fakeOpenAi.js';
import { answerWhy } from '../src/dialog/why.js';
import { NOT_SURE_VALUE } from '../src/dialog/messages.js';
import { ProfileSchema, type Profile, type ProfileField } from '../src/profile/schema.js';
import { comparableText } from '../src/text/compare.js';

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

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
const fixed = (value: number) => value.toFixed(3);

async function oneShot(advisor: Advisor, scenarios: z.infer<typeof Scenario>[]) {
  const misses: string[] = [];
  let correct = 0;
  for (const scenario of scenarios) {
    const recommendation = (await advisor.assessWithExtractor(scenario.text)).result?.recommendation ?? 'none';
    if (recommendation === scenario.expected || scenario.acceptable.includes(recommendation)) correct += 1;
    else misses.push(`${scenario.id}: got ${recommendation}, expected ${scenario.expected}`);
  }
  return { accuracy: ratio(correct, scenarios.length), misses };
}

async function extraction(advisor: Advisor, scenarios: Map<string, z.infer<typeof Scenario>>, cases: z.infer<typeof ProfileCase>[]) {
  let truePositives = 0;
  let extractedStated = 0;
  let stated = 0;
  let extractedAll = 0;
  let correctAll = 0;
  for (const item of cases) {
    const text = scenarios.get(item.id)?.text ?? '';
    const got = (await advisor.readProfile(text)) as Record<string, string>;
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
  // Of the quotes shown from a passage holding a gold quote, those that are (part of) that gold quote.
  let goldShown = 0;
  let goldQuoted = 0;
  const misses: string[] = [];
  for (const item of cases) {
    const answer = answerWhy(advisor.knowledge, item.question);
    const texts = answer.passages.map((passage) => comparableText(passage.text));
    const golds = item.gold.map((gold) => comparableText(gold.quote));
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
      const passageText = advisor.knowledge.passage(citation.passageId)?.text ?? '';
      if (passageText.includes(citation.quote)) verbatim += 1;
      const inPassage = golds.filter((gold) => comparableText(passageText).includes(gold));
      if (inPassage.length === 0) continue;
      goldShown += 1;
      const quoted = comparableText(citation.quote);
      if (inPassage.some((gold) => gold.includes(quoted) || quoted.includes(gold))) goldQuoted += 1;
    }
  }
  return { recallAt3: ratio(recallSum, cases.length), anyHitAt3: ratio(anyAt3, cases.length), mrrAt5: ratio(reciprocalSum, cases.length), verbatimRate: ratio(verbatim, quotes), goldQuoteRate: ratio(goldQuoted, goldShown), goldShown, misses };
}

/** What a careful model would return: the fields the text states, and a quote from the first passage. */
function simulatedModel(request: ChatRequest): ScriptedResponse {
  if (request.response_format?.json_schema?.name === 'project_profile') {
    return { content: JSON.stringify({ ...ALL_NULL_PROFILE, ...extractProfile(userMessageOf(request)).profile }) };
  }
  const content = request.messages.find((message) => message.role === 'user')?.content ?? '';
  const firstId = passageIdsOf(request)[0] ?? '';
  const firstText = /<passage id="[^"]+" source="[^"]*">\n([^\n]+)/.exec(content)?.[1] ?? '';
  const quote = firstText.split(/(?<=\.)\s/)[0] ?? firstText;
  return { content: JSON.stringify({ answer: 'In short: see the quoted passage.', citations: [{ passageId: firstId, quote }] }) };
}

async function main(): Promise<void> {
  const scenarios = readJsonl('scenarios.dev.jsonl', Scenario);
  const profiles = readJsonl('profiles.dev.jsonl', ProfileCase);
  const whys = readJsonl('why.dev.jsonl', WhyCase);
  const byId = new Map(scenarios.map((scenario) => [scenario.id, scenario]));
  const llmMode = process.argv.includes('--llm');
  // LLM mode runs against a local fake OpenAI-compatible server answering as a model would, which checks
  // the merge and citation-validation paths without a network.
  const fake = llmMode ? await startFakeOpenAi(simulatedModel) : null;
  const advisor = await createAdvisor({
    store: createMemoryStore(),
    llm: fake ? createLanguageModel({ apiKey: 'sk-eval-fake', baseURL: fake.baseURL, model: 'fake-model', timeoutMs: 5000, maxRetries: 0 }) : null,
  });
  const shot = await oneShot(advisor, scenarios);
  const fields = await extraction(advisor, byId, profiles);
  const talk = await dialogue(advisor, byId, profiles);
  const search = retrieval(advisor, whys);
  const figures = {
    sets: { scenarios: scenarios.length, profiles: profiles.length, why: whys.length, dir: EVAL_DIR },
    oneShotAccuracy: fixed(shot.accuracy),
    extraction: { precision: fixed(fields.precision), recall: fixed(fields.recall), f1: fixed(fields.f1), precisionAllFields: fixed(fields.precisionAllFields) },
    dialogue: { accuracy: fixed(talk.accuracy), meanQuestions: talk.meanQuestions.toFixed(2) },
    retrieval: { recallAt3: fixed(search.recallAt3), anyHitAt3: fixed(search.anyHitAt3), mrrAt5: fixed(search.mrrAt5), verbatimRate: fixed(search.verbatimRate), goldQuoteRate: fixed(search.goldQuoteRate) },
  };
  await fake?.close();
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    return;
  }
  const lines = [
    `Mode: ${llmMode ? 'language model (local fake OpenAI-compatible server)' : 'deterministic'}`,
    `Dev sets: ${scenarios.length} scenarios, ${profiles.length} profiles, ${whys.length} why-questions (${EVAL_DIR})`,
    `One-shot accuracy (lenient)         ${figures.oneShotAccuracy}`,
    `Extraction on stated fields         P ${figures.extraction.precision}  R ${figures.extraction.recall}  F1 ${figures.extraction.f1}  (precision over every extracted field ${figures.extraction.precisionAllFields})`,
    `Dialogue, simulated user            accuracy ${figures.dialogue.accuracy}  mean questions ${figures.dialogue.meanQuestions}`,
    `Retrieval                           recall@3 ${figures.retrieval.recallAt3}  (any gold in top 3: ${figures.retrieval.anyHitAt3})  MRR@5 ${figures.retrieval.mrrAt5}`,
    `Quotes verbatim in their passage    ${figures.retrieval.verbatimRate}`,
    `Quote is the gold sentence          ${figures.retrieval.goldQuoteRate}  (of ${search.goldShown} quotes shown from passages holding a gold quote)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const misses = [...shot.misses.map((m) => `one-shot ${m}`), ...talk.misses.map((m) => `dialogue ${m}`), ...search.misses.map((m) => `retrieval ${m}`)];
  if (misses.length > 0 && process.argv.includes('--verbose')) process.stdout.write(`\nMisses:\n${misses.map((m) => `  ${m}`).join('\n')}\n`);
}

await main();
