#!/usr/bin/env node
/**
 * Checks that knowledge/*.md are layout-only conversions of the plain-text sources:
 *  1. every content line of a source (trimmed, leading bullet marker removed, non-breaking spaces and
 *     runs of whitespace collapsed) occurs in the body of its Markdown file, except the page furniture
 *     listed below, which must also be gone from the body;
 *  2. every body line of a Markdown file (after removing its heading / list marker) occurs in its source,
 *     so no words were added;
 *  3. the front matter holds exactly the expected metadata;
 *  4. the gold quotes of ../../shared/eval/why.dev.jsonl occur in the right Markdown file (same
 *     normalisation, curly quotes made straight); skipped with a notice when the file is absent.
 * Usage: node scripts/check-knowledge.mjs [sources-dir]. Exits 1 when anything is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
const knowledgeDir = path.resolve(scriptDir, '../knowledge');
const sourcesDir = path.resolve(process.argv[2] ?? path.resolve(scriptDir, '../../shared/knowledge-sources'));
const goldFile = path.resolve(scriptDir, '../../shared/eval/why.dev.jsonl');

/** One entry per source: its Markdown file, expected front matter, and the furniture lines left out. */
const DOCS = [
  {
    source: '000_446d1e133029b3ea.txt',
    markdown: '000-when-to-apply-rag-vs-fine-tuning.md',
    meta: { title: 'When to Apply RAG vs Fine-Tuning' },
    furniture: [
      'Leave a Reply',
      'Your email address will not be published. Required fields are marked *',
    ],
  },
  {
    source: '001_dffbb63a480d21b7.txt',
    markdown: '001-rag-vs-fine-tuning-which-to-pick.md',
    meta: { title: 'Retrieval-Augmented Generation vs Fine-Tuning: Which to pick?', publisher: 'Heliosz' },
    furniture: [
      'RAG vs Fine Tuning',
      'Read Also: Fine-tuning vs Prompt Engineering: How to Optimize Your AI Models for Any Task',
      'Heliosz – Your Trusted Partner in AI Technologies',
      'Ready to revolutionize your business with the latest AI?',
      'We at Heliosz are dedicated to AI Agents, Generative AI solutions, and AI development across the board for your needs. From crafting more intelligent systems to automating processes to creating with GenAI, we’re here to drive your vision forward.',
      'Bespoke AI Solutions',
      'Scalable GenAI Integration',
      'Expert-Led Innovation',
      'Collaborate with Heliosz – where smart tech and actual impact converge.',
    ],
  },
  {
    source: '002_27d5980e0b603fde.txt',
    markdown: '002-rag-vs-fine-tuning-choosing-the-right-approach.md',
    meta: {
      title: 'RAG vs Fine-tuning: Choosing the Right Approach for LLM Applications',
      publisher: 'personal blog',
      date: '2024-11-05',
    },
    // The document's own YAML front matter, replaced by ours.
    furniture: [
      "title: 'RAG vs Fine-tuning: Choosing the Right Approach for LLM Applications'",
      'date: 2024-11-05',
      'permalink: /posts/2024/11/rag-vs-fine-tuning-llms/',
      'tags:',
      'Large Language Models',
      'RAG',
      'Machine Learning',
      'Natural Language Processing',
    ],
  },
  {
    source: '003_8fb84103a98182b9.txt',
    markdown: '003-rag-and-fine-tuning-which-tool-boosts-llm-applications.md',
    meta: {
      title: 'RAG and Fine-Tuning: Which Tool Boosts LLM Applications Better?',
      author: 'Umar Majeed',
      role: 'Chief Technology Officer',
    },
    furniture: [
      'Umar Majeed',
      'Chief Technology Officer',
      'A tech builder, mastering engineering processes and venture building by creating rapid, scalable, and solid product solutions. A staunch advocate for the disruptive capabilities of AI Co-Pilots in the software service industry.',
      'Table of Contents',
      'RAG and Fine-tuning',
      'RAG and Fine-tuning: How does RAG work?',
      'RAG and Fine-tuning: How does Fine-tuning work?',
      'RAG vs. Fine-tuning',
      'Outsourcing your IT activities starts with a company evaluating its outsourcing needs. What core operations necessitate in-house execution? Which projects or IT tasks can be delegated externally to partners?',
    ],
  },
  {
    source: '004_856dcd5731c25a39.txt',
    markdown: '004-when-to-use-fine-tuning-and-when-to-use-rag.md',
    meta: {
      title: 'When to use fine-tuning and when to use Retrieval-Augmented Generation (RAG)',
      author: 'Mattias Skarin',
      date: '2025-03-12',
    },
    // The byline: its author and date are in the front matter.
    furniture: ['Written by', 'Mattias Skarin', 'Published on', '2025-03-12', 'BlogAI'],
  },
];

const squash = (text) => text.replace(/[\s\u00a0]+/g, ' ').trim();
const BULLET_MARKER = /^(?:[•*+-]|\d+[.)])\s+/;
const HEADING_MARKER = /^#{1,6}\s+/;
/** A source line as compared: whitespace collapsed, leading bullet / number marker removed. */
const normaliseLine = (line) => squash(line).replace(BULLET_MARKER, '');
const straightQuotes = (text) => text.replace(/[‘’‚‛]/g, "'").replace(/[“”„‟]/g, '"');

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;

/** Flat `key: "value"` front matter, as written by the conversion. */
function parseFrontMatter(markdown) {
  const match = FRONT_MATTER.exec(markdown);
  if (!match) return { meta: null, body: markdown };
  const meta = {};
  for (const line of match[1].split('\n')) {
    const pair = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(line);
    if (!pair) continue;
    const raw = pair[2].trim();
    meta[pair[1]] = raw.startsWith('"') ? JSON.parse(raw) : raw;
  }
  return { meta, body: markdown.slice(match[0].length) };
}

const problems = [];
const report = (file, message) => problems.push(`${file}: ${message}`);
const bodies = new Map();

for (const doc of DOCS) {
  const mdPath = path.join(knowledgeDir, doc.markdown);
  if (!existsSync(mdPath)) {
    report(doc.markdown, 'file is missing');
    continue;
  }
  const { meta, body } = parseFrontMatter(readFileSync(mdPath, 'utf8'));
  bodies.set(doc.source, body);

  // Front matter: exactly the expected keys and values.
  const expected = { ...doc.meta, source: doc.source };
  if (!meta) report(doc.markdown, 'no front matter');
  else {
    for (const [key, value] of Object.entries(expected)) {
      if (meta[key] !== value) report(doc.markdown, `front matter ${key}: expected "${value}", found ${meta[key] === undefined ? 'nothing' : `"${meta[key]}"`}`);
    }
    for (const key of Object.keys(meta)) if (!(key in expected)) report(doc.markdown, `unexpected front matter key ${key}`);
  }
  if (!body.split('\n').some((line) => line === `# ${doc.meta.title}`)) report(doc.markdown, `no "# ${doc.meta.title}" heading`);
}

let sourceSummary = [];
if (!existsSync(sourcesDir)) {
  console.log(`notice: ${sourcesDir} not found; source-text checks skipped`);
} else {
  for (const doc of DOCS) {
    const body = bodies.get(doc.source);
    const sourcePath = path.join(sourcesDir, doc.source);
    if (body === undefined) continue;
    if (!existsSync(sourcePath)) {
      report(doc.source, 'source file is missing');
      continue;
    }
    const sourceText = readFileSync(sourcePath, 'utf8');
    const sourceLines = sourceText.split(/\r?\n/).map(normaliseLine).filter(Boolean);
    const furniture = new Set(doc.furniture.map(normaliseLine));
    const flatBody = squash(body);
    const bodyLines = body.split('\n').map((line) => normaliseLine(squash(line).replace(HEADING_MARKER, ''))).filter(Boolean);

    // 1. Every content line is in the Markdown; furniture lines are not.
    let checked = 0;
    let skipped = 0;
    for (const line of sourceLines) {
      if (furniture.has(line)) {
        skipped += 1;
        continue;
      }
      checked += 1;
      if (!flatBody.includes(line)) report(doc.markdown, `missing source line: ${line}`);
    }
    for (const line of furniture) {
      if (!sourceLines.includes(line)) report(doc.markdown, `furniture entry matches no source line: ${line}`);
      if (bodyLines.includes(line)) report(doc.markdown, `furniture line still in the body: ${line}`);
    }

    // 2. Nothing added: every body line comes from the source.
    const flatSource = squash(sourceText);
    for (const line of bodyLines) if (!flatSource.includes(line)) report(doc.markdown, `line not in the source: ${line}`);

    sourceSummary.push(`${doc.markdown}: ${checked} source lines found, ${skipped} furniture lines left out, ${bodyLines.length} body lines traced to the source`);
  }
}
for (const line of sourceSummary) console.log(line);

// 4. Gold quotes of the why-questions.
if (!existsSync(goldFile)) {
  console.log(`notice: ${goldFile} not found; gold-quote check skipped`);
} else {
  let quotes = 0;
  const markdownOf = new Map(DOCS.map((doc) => [doc.source, doc.markdown]));
  for (const [index, line] of readFileSync(goldFile, 'utf8').split('\n').entries()) {
    if (!line.trim()) continue;
    const item = JSON.parse(line);
    for (const gold of item.gold ?? []) {
      quotes += 1;
      const body = bodies.get(gold.file);
      if (body === undefined) {
        report(`why.dev.jsonl:${index + 1}`, `${item.id}: no Markdown file for ${gold.file}`);
        continue;
      }
      if (!straightQuotes(squash(body)).includes(straightQuotes(squash(gold.quote)))) {
        report(markdownOf.get(gold.file), `${item.id}: gold quote not found: ${gold.quote}`);
      }
    }
  }
  console.log(`gold quotes checked: ${quotes}`);
}

if (problems.length > 0) {
  for (const problem of problems) console.log(`MISSING ${problem}`);
  console.log(`${problems.length} problem(s)`);
  process.exitCode = 1;
} else {
  console.log('knowledge check passed');
}
