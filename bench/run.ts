/**
 * `npm run bench`: figures, not pass/fail. Prints a table and writes bench/results.json.
 * In-process latency (assess, why, one dialogue turn with each store), memory after 10,000 stored
 * conversations, retrieval scaling, and (when the Slack adapter is present) Slack endpoint throughput.
 */
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Advisor } from '../src/dialog/advisor.js';
import { answerWhy } from '../src/dialog/why.js';
import { parseDocument } from '../src/knowledge/documents.js';
import { loadAskedQuestions } from '../src/knowledge/asked.js';
import { BUNDLED_KNOWLEDGE_DIR, KnowledgeBase } from '../src/knowledge/index.js';
import { loadVocabulary } from '../src/knowledge/vocabulary.js';
import { createMemoryStore } from '../src/store/memory.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import type { ConversationStore } from '../src/store/types.js';
import { descriptions, questions, syntheticDocuments } from './inputs.js';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 1000);

interface Latency {
  samples: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
}

function summarise(durations: number[]): Latency {
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return { samples: sorted.length, p50Ms: round(at(0.5)), p99Ms: round(at(0.99)), meanMs: round(sorted.reduce((a, b) => a + b, 0) / sorted.length) };
}

async function time(inputs: string[], work: (input: string, index: number) => unknown): Promise<Latency> {
  for (const input of inputs.slice(0, 50)) await work(input, -1); // warm-up
  const durations: number[] = [];
  for (const [index, input] of inputs.entries()) {
    const started = performance.now();
    await work(input, index);
    durations.push(performance.now() - started);
  }
  return summarise(durations);
}

/** One message into an existing conversation: read state, understand, decide, render, save (and record a decision). */
async function dialogueTurn(knowledge: KnowledgeBase, store: ConversationStore): Promise<Latency> {
  const advisor = new Advisor({ store, knowledge });
  const texts = descriptions(SAMPLES);
  for (const [index, text] of texts.entries()) await advisor.handle({ conversationId: `bench:${index}`, userId: 'bench', text });
  const answers = ['none', 'strict', 'not sure', '2000 examples', 'some', 'why?', 'actually the docs change daily', 'show profile'];
  return time(texts, (_text, index) => advisor.handle({ conversationId: `bench:${Math.max(index, 0)}`, userId: 'bench', text: answers[Math.max(index, 0) % answers.length] ?? 'none' }));
}

async function memoryAfterConversations(knowledge: KnowledgeBase, store: ConversationStore, count: number): Promise<{ conversations: number; rssMb: number; heapUsedMb: number }> {
  const advisor = new Advisor({ store, knowledge });
  const texts = descriptions(count);
  for (const [index, text] of texts.entries()) await advisor.handle({ conversationId: `mem:${index}`, userId: `u${index % 500}`, text });
  globalThis.gc?.();
  const usage = process.memoryUsage();
  return { conversations: count, rssMb: Math.round(usage.rss / 1e6), heapUsedMb: Math.round(usage.heapUsed / 1e6) };
}

function retrievalScaling(bundled: KnowledgeBase): { passages: number; buildMs: number; queryP50Ms: number; queryP99Ms: number }[] {
  const rows = [];
  for (const extra of [0, 1000, 10000]) {
    const documents = [...bundled.documents, ...syntheticDocuments(extra).map(({ docId, markdown }) => parseDocument(docId, markdown))];
    // As the product runs: vocabulary and answer model included (they cover the bundled passages only).
    const started = performance.now();
    const knowledge = KnowledgeBase.fromDocuments(documents, loadVocabulary(BUNDLED_KNOWLEDGE_DIR), loadAskedQuestions(BUNDLED_KNOWLEDGE_DIR));
    const buildMs = performance.now() - started;
    const qs = questions(SAMPLES);
    const durations = qs.map((question) => {
      const t = performance.now();
      knowledge.search(question, 8);
      return performance.now() - t;
    });
    const stats = summarise(durations);
    rows.push({ passages: knowledge.passages.length, buildMs: Math.round(buildMs), queryP50Ms: stats.p50Ms, queryP99Ms: stats.p99Ms });
  }
  return rows;
}

async function main(): Promise<void> {
  const knowledge = KnowledgeBase.load();
  const advisor = new Advisor({ store: createMemoryStore(), knowledge });
  const workdir = mkdtempSync(join(tmpdir(), 'advisor-bench-'));
  const results: Record<string, unknown> = {
    measuredAt: new Date().toISOString(),
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGb: Math.round(totalmem() / 1e9), node: process.version },
    samples: SAMPLES,
  };
  results.assess = await time(descriptions(SAMPLES), (text) => advisor.assess(text));
  results.why = await time(questions(SAMPLES), (question) => answerWhy(knowledge, question));
  results.turnMemoryStore = await dialogueTurn(knowledge, createMemoryStore());
  const sqlite = openSqliteStore(join(workdir, 'turns.db'));
  results.turnSqliteStore = await dialogueTurn(knowledge, sqlite);
  await sqlite.close();
  results.retrieval = retrievalScaling(knowledge);
  const slackBench = process.env.BENCH_SKIP_SLACK ? null : await import('./slack.js').then((module) => module.benchSlack(), (error: unknown) => ({ skipped: String(error instanceof Error ? error.message : error) }));
  if (slackBench) results.slack = slackBench;
  // Memory last: it fills stores with 10,000 conversations each, in fresh stores.
  results.memoryStore10k = await memoryAfterConversations(knowledge, createMemoryStore(), 10_000);
  const sqliteMem = openSqliteStore(join(workdir, 'memory.db'));
  results.sqliteStore10k = await memoryAfterConversations(knowledge, sqliteMem, 10_000);
  await sqliteMem.close();
  rmSync(workdir, { recursive: true, force: true });
  writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}

await main();
