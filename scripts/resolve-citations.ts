/**
 * Maintenance tool: rewrites every c('doc', 'quote') citation in src/engine/rules.ts to the id of the passage
 * that holds the quote (and the quote to its exact characters there). Run after the knowledge documents
 * or the passage splitting change: npx tsx scripts/resolve-citations.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { KnowledgeBase } from '../src/knowledge/index.js';

const RULES = new URL('../src/engine/rules.ts', import.meta.url);
const knowledge = KnowledgeBase.load();
const squash = (text: string) => text.replace(/[\u00a0\s]+/g, ' ').trim();

function exactQuote(passageText: string, quote: string): string | null {
  if (passageText.includes(quote)) return quote;
  // Map a whitespace-normalised match back onto the passage's own characters (non-breaking spaces).
  const pattern = new RegExp(quote.split(/[\u00a0\s]+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\u00a0\\s]+'));
  return pattern.exec(passageText)?.[0] ?? null;
}

let failures = 0;
const source = readFileSync(RULES, 'utf8');
const rewritten = source.replace(/\bc\('([^']+)', ('(?:[^'\\]|\\.)*')\)/g, (call, ref: string, literal: string) => {
  const quote = Function(`return ${literal}`)() as string;
  const docPrefix = ref.split('#')[0] ?? ref;
  const hits = knowledge.passages.filter((passage) => passage.docId.startsWith(docPrefix) && squash(passage.text).includes(squash(quote)));
  const passage = hits[0];
  const exact = passage ? exactQuote(passage.text, quote) : null;
  if (!passage || !exact) {
    failures += 1;
    console.error(`not found in ${docPrefix}: ${quote}`);
    return call;
  }
  return `c('${passage.passageId}', ${JSON.stringify(exact).replace(/^"|"$/g, "'").replace(/\\"/g, '"').replace(/(?<!\\)'(?=.)/g, (m, offset, whole) => (offset === 0 || offset === whole.length - 1 ? m : "\\'"))})`;
});
writeFileSync(RULES, rewritten);
console.log(failures === 0 ? 'all citations resolved' : `${failures} citations not found`);
process.exitCode = failures === 0 ? 0 : 1;
