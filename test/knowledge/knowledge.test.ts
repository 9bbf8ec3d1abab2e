import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createAdvisor } from '../../src/index.js';
import { createLogger } from '../../src/log.js';
import { createMemoryStore } from '../../src/store/index.js';
import { describe, expect, it } from 'vitest';
import { answerWhy } from '../../src/dialog/why.js';
import { readableQuote } from '../../src/dialog/render.js';
import { BUNDLED_KNOWLEDGE_DIR, bestQuote, KnowledgeBase } from '../../src/knowledge/index.js';
import { ASKED_QUESTIONS_FILE, loadAskedQuestions } from '../../src/knowledge/asked.js';
import { expandQuery } from '../../src/knowledge/expand.js';
import { loadVocabulary, VOCABULARY_FILE } from '../../src/knowledge/vocabulary.js';
import { devSetsPresent, SOURCES_DIR, whyCases, wordRuns } from '../helpers/devsets.js';
import { tempDir } from '../helpers/tempDir.js';

const knowledge = KnowledgeBase.load();
const squash = (text: string) =>
  text
    .replace(/[\u00a0\s]+/g, ' ')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\*\*/g, '')
    .trim()
    .toLowerCase();

/** Source lines that SOURCES.md calls page furniture, left out on purpose. */
const FURNITURE = [/^Leave a Reply$/, /^Your email address will not be published/, /^Read Also:/, /^Heliosz/, /^Ready to revolutionize/, /^We at Heliosz/, /^Bespoke AI|^Scalable GenAI|^Expert-Led/, /^Collaborate with Heliosz/,
  /^RAG vs Fine Tuning$/, /^Table of Contents$/, /^Outsourcing your IT/, /^Umar Majeed$/, /^Chief Technology Officer$/, /^A tech builder/, /^RAG and Fine-tuning(: How does (RAG|Fine-tuning) work\?)?$/, /^RAG vs\. Fine-tuning$/,
  /^Written by$|^Mattias Skarin$|^Published on$|^2025-03-12$|^BlogAI$/];

describe('bundled knowledge', () => {
  it('has the five documents with titles from their front matter', () => {
    expect(knowledge.documents).toHaveLength(5);
    expect(knowledge.documents.map((doc) => doc.title)).toContain('When to Apply RAG vs Fine-Tuning');
    expect(knowledge.documents.find((doc) => doc.docId.startsWith('004'))).toMatchObject({ author: 'Mattias Skarin', date: '2025-03-12' });
  });

  it.runIf(existsSync(SOURCES_DIR))('keeps every content line of the sources unchanged', () => {
    const files = ['000_446d1e133029b3ea.txt', '001_dffbb63a480d21b7.txt', '002_27d5980e0b603fde.txt', '003_8fb84103a98182b9.txt', '004_856dcd5731c25a39.txt'];
    const missing: string[] = [];
    for (const [index, file] of files.entries()) {
      const doc = knowledge.documents[index];
      const markdown = squash(readFileSync(join(BUNDLED_KNOWLEDGE_DIR, `${doc?.docId}.md`), 'utf8'));
      // 002's own YAML front matter (permalink, tags) is replaced by ours.
      const source = readFileSync(join(SOURCES_DIR, file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
      for (const line of source.split('\n')) {
        const content = line.replace(/^[\s\u00a0]*(?:•|-|\d+\.)[\s\u00a0]+/, '').trim();
        if (!content || FURNITURE.some((pattern) => pattern.test(content))) continue;
        if (!markdown.includes(squash(content))) missing.push(`${file}: ${content.slice(0, 80)}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has question vocabulary for passages that exist, and uses it to bridge everyday words', () => {
    expect(knowledge.staleVocabulary).toEqual([]);
    const vocabulary = loadVocabulary(BUNDLED_KNOWLEDGE_DIR);
    expect(Object.keys(vocabulary).length).toBe(knowledge.passages.length);
    // "snappy" appears in no document; the vocabulary maps it to the latency passages.
    expect(knowledge.passages.some((passage) => /snappy/i.test(passage.text))).toBe(false);
    const [top] = knowledge.search('will it still be snappy?');
    expect(top?.passage.text.toLowerCase()).toContain('latency');
    const withoutVocabulary = KnowledgeBase.fromDocuments(knowledge.documents);
    expect(withoutVocabulary.search('will it still be snappy?')).toEqual([]);
  });

  it('reads everyday words for the techniques: "lookups" is retrieval, "downsides" its drawbacks', () => {
    // "Lookup" is in no document; only the synonym table bridges it.
    const plain = KnowledgeBase.fromDocuments(knowledge.documents);
    expect(knowledge.passages.some((passage) => /lookup/i.test(passage.text))).toBe(false);
    const [lookup] = plain.search('are lookups worth it?');
    expect(lookup?.passage.text.toLowerCase()).toMatch(/retriev/);
    const drawbacks = plain.search('what are the downsides?').map((item) => item.passage.text.toLowerCase());
    expect(drawbacks.some((text) => /drawback|limitation|trades/.test(text))).toBe(true);
  });

  it('reads entries written as words plus example questions', () => {
    const directory = tempDir('advisor-vocabulary');
    writeFileSync(join(directory, VOCABULARY_FILE), JSON.stringify({ 'a#b': { words: 'snappy quick', questions: ['will it lag on a phone?'] }, 'a#c': 'plain words' }));
    expect(loadVocabulary(directory)).toEqual({ 'a#b': { words: 'snappy quick', questions: ['will it lag on a phone?'] }, 'a#c': { words: 'plain words', questions: [] } });
    writeFileSync(join(directory, VOCABULARY_FILE), JSON.stringify({ 'a#b': { words: 'x', question: ['a misspelt key'] } }));
    expect(() => loadVocabulary(directory)).toThrow(/question-vocabulary\.json: expected/);
  });

  it('rejects a vocabulary file that is not an object of strings, naming the file', () => {
    const directory = tempDir('advisor-vocabulary');
    writeFileSync(join(directory, VOCABULARY_FILE), '{"a#b": 3}');
    expect(() => loadVocabulary(directory)).toThrow(/question-vocabulary\.json/);
    writeFileSync(join(directory, VOCABULARY_FILE), '{not json');
    expect(() => loadVocabulary(directory)).toThrow(/question-vocabulary\.json: not valid JSON/);
    expect(loadVocabulary(tempDir('advisor-empty'))).toEqual({});
  });

  it('ranks higher a passage that answered similar questions before', () => {
    const vocabulary = loadVocabulary(BUNDLED_KNOWLEDGE_DIR);
    const question = 'How much data do we need before this works?';
    const untaught = KnowledgeBase.fromDocuments(knowledge.documents, vocabulary).search(question).map((item) => item.passage.passageId);
    // The passage the words and example questions rank last of eight.
    const answering = untaught.at(-1) ?? '';
    const asked = ['How much data do we need?', 'Is our data enough for this to work?', 'How much do we need before it works?'].map((text) => ({ question: text, passages: [answering] }));
    const taught = KnowledgeBase.fromDocuments(knowledge.documents, vocabulary, asked);
    expect(untaught.indexOf(answering)).toBe(7);
    expect(taught.search(question)[0]?.passage.passageId).toBe(answering);
    // What was learned re-ranks what the words found; it never answers a question no passage has a word of.
    expect(taught.search('zorblax quux?')).toEqual([]);
  });

  it('judges a passage no question taught it about by its words, so a newly added document is not pushed down', () => {
    const asked = [{ question: 'Why is data freshness important?', passages: ['000-when-to-apply-rag-vs-fine-tuning#key-recommendations'] }];
    const taught = KnowledgeBase.fromDocuments(knowledge.documents, {}, asked);
    const [top] = taught.search('What are the risks of catastrophic forgetting?');
    expect(top?.passage.text.toLowerCase()).toContain('forget');
  });

  it('has asked questions naming passages that exist, none taken from the dev questions', () => {
    const asked = loadAskedQuestions(BUNDLED_KNOWLEDGE_DIR);
    expect(asked.length).toBeGreaterThan(300);
    const ids = new Set(knowledge.passages.map((passage) => passage.passageId));
    expect(asked.flatMap((item) => item.passages).filter((passageId) => !ids.has(passageId))).toEqual([]);
    if (!devSetsPresent) return;
    const dev = new Set(whyCases().flatMap((item) => wordRuns(item.question, 6)));
    expect(asked.filter((item) => wordRuns(item.question, 6).some((run) => dev.has(run))).map((item) => item.question)).toEqual([]);
  });

  it('reads asked questions one JSON object a line, naming the line of a broken one', () => {
    const directory = tempDir('advisor-asked');
    expect(loadAskedQuestions(directory)).toEqual([]);
    writeFileSync(join(directory, ASKED_QUESTIONS_FILE), '{"question": "is it fast?", "passages": ["a#b"], "quotes": ["It is fast."]}\n\n{"question": "and cheap?", "passages": ["a#c", "a#d"]}\n');
    expect(loadAskedQuestions(directory)).toEqual([
      { question: 'is it fast?', passages: ['a#b'], quotes: ['It is fast.'] },
      { question: 'and cheap?', passages: ['a#c', 'a#d'] },
    ]);
    writeFileSync(join(directory, ASKED_QUESTIONS_FILE), '{"question": "is it fast?", "passages": ["a#b"]}\n{"question": "no passages", "passages": []}\n');
    expect(() => loadAskedQuestions(directory)).toThrow(/asked-questions\.jsonl line 2: expected/);
    writeFileSync(join(directory, ASKED_QUESTIONS_FILE), '{not json\n');
    expect(() => loadAskedQuestions(directory)).toThrow(/asked-questions\.jsonl line 1: not valid JSON/);
  });

  it('reports asked questions that name a passage no document has, and warns at start-up', async () => {
    const stale = KnowledgeBase.fromDocuments(knowledge.documents, {}, [{ question: 'is it fast?', passages: ['gone#section'] }]);
    expect(stale.staleVocabulary).toEqual(['gone#section']);
    const folder = tempDir('knowledge');
    cpSync(BUNDLED_KNOWLEDGE_DIR, folder, { recursive: true });
    writeFileSync(join(folder, ASKED_QUESTIONS_FILE), '{"question": "is it fast?", "passages": ["gone#section"]}\n');
    const lines: string[] = [];
    const logger = createLogger('info', new Writable({ write: (chunk, _encoding, done) => { lines.push(String(chunk)); done(); } }));
    const advisor = await createAdvisor({ store: createMemoryStore(), knowledgeDir: folder, logger });
    expect(advisor.knowledge.search('is it fast?').length).toBeGreaterThan(0);
    expect(lines.join('')).toContain('gone#section');
  });

  it('splits into passages with unique stable ids, heading paths and whole sentences', () => {
    const ids = knowledge.passages.map((passage) => passage.passageId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(KnowledgeBase.load().passages.map((passage) => passage.passageId)).toEqual(ids);
    for (const passage of knowledge.passages) {
      expect(passage.section.length).toBeGreaterThan(0);
      expect(passage.text.length).toBeLessThanOrEqual(1800);
      expect(passage.text.trim()).toMatch(/[.?!:)|”"*a-z0-9]$/i);
    }
    expect(knowledge.passage('000-when-to-apply-rag-vs-fine-tuning#small-language-models')?.section).toBe('When to Fine-Tune vs RAG for Different Model Sizes › Small Language Models');
  });

  it('indexes a Markdown file a user drops into the folder', () => {
    const folder = tempDir('knowledge');
    cpSync(BUNDLED_KNOWLEDGE_DIR, folder, { recursive: true });
    writeFileSync(join(folder, 'team-notes.md'), '---\ntitle: "Our team notes"\n---\n\n# Our team notes\n\n## Vendor lock-in\n\nQuokka deployments avoid vendor lock-in by keeping embeddings portable.\n');
    const extended = KnowledgeBase.load(folder);
    expect(extended.documents).toHaveLength(6);
    const [top] = extended.search('How do quokka deployments avoid vendor lock-in?');
    expect(top?.passage.title).toBe('Our team notes');
    expect(top?.passage.section).toBe('Vendor lock-in');
  });
});

describe('why answers', () => {
  it('quotes verbatim and cites title › section', () => {
    const answer = answerWhy(knowledge, 'Does RAG add latency?');
    expect(answer.covered).toBe(true);
    expect(answer.citations.length).toBeGreaterThan(0);
    for (const citation of answer.citations) expect(knowledge.passage(citation.passageId)?.text).toContain(citation.quote);
    expect(answer.answer).toMatch(/latency/i);
    expect(answer.answer).toContain(' › ');
    expect(answer.passages.length).toBeGreaterThanOrEqual(5);
  });

  it('quotes a sentence that says something, not the line announcing a list', () => {
    const passage = 'Based on our analysis, here are some best practices for retrieval:\n- Keep the retrieval index fresh so answers follow the latest documents.\n- Measure retrieval quality.';
    expect(bestQuote(passage, 'what are the best practices for retrieval?')).toBe('Keep the retrieval index fresh so answers follow the latest documents.');
  });

  it('quotes the sentence that asked questions taught it answers, even without a shared word', () => {
    const passageId = '004-when-to-use-fine-tuning-and-when-to-use-rag#use-rag-when';
    const passage = knowledge.passage(passageId);
    if (!passage) throw new Error('bundled passage missing');
    const question = 'what about hallucinations?';
    const plain = KnowledgeBase.fromDocuments(knowledge.documents);
    expect(plain.quoteFor(passage, question).quote).not.toContain('factual accuracy');
    const asked = ['does it stop hallucinations?', 'will it make things up?'].map((text) => ({ question: text, passages: [passageId], quotes: ['When factual accuracy is critical.'] }));
    const taught = KnowledgeBase.fromDocuments(knowledge.documents, {}, asked);
    expect(taught.quoteFor(passage, question).quote).toBe('When factual accuracy is critical.');
    // Still verbatim in the passage, and a question about something else still gets its own sentence.
    expect(passage.text).toContain(taught.quoteFor(passage, question).quote);
    expect(taught.quoteFor(passage, 'Can it pull from a wide array of sources?').quote).toBe('When information is pulled from a wide array of sources.');
  });

  it('quotes a table row that says something, never the header or the rule line', () => {
    const passage = '| Aspect | Fine-tuning | RAG |\n|--------|-------------|-----|\n| **Cost** | Higher (training) | Lower (inference) |';
    expect(bestQuote(passage, 'which one has the fine-tuning vs RAG aspect of cost?')).toBe('| **Cost** | Higher (training) | Lower (inference) |');
  });

  it('shows quotes without the documents\' Markdown emphasis, words unchanged', () => {
    expect(readableQuote('Explainability**: You need to show users the sources of information.')).toBe('Explainability: You need to show users the sources of information.');
    expect(readableQuote('For massive models, RAG is generally preferable over fine-tuning:')).toBe('For massive models, RAG is generally preferable over fine-tuning …');
    expect(readableQuote('| Cost | Higher (training) | Lower (inference) |', ['Aspect', 'Fine-tuning', 'RAG'])).toBe('Cost — Fine-tuning: Higher (training); RAG: Lower (inference)');
    const answer = answerWhy(knowledge, 'Why does RAG help when users must see the sources of an answer?');
    expect(answer.answer).not.toContain('**');
  });

  it('quotes a table row with its column names, and picks the row the question implies', () => {
    const answer = answerWhy(knowledge, 'How long does fine-tuning take compared with setting up RAG?');
    const row = answer.views.find((view) => view.quote.startsWith('|'));
    expect(row?.quote).toMatch(/^\| \*\*Training Time\*\* \|/);
    expect(row?.columns).toEqual(['Aspect', 'Fine-tuning', 'RAG']);
    expect(readableQuote(row?.quote ?? '', row?.columns)).toBe('Training Time — Fine-tuning: Hours to days; RAG: Minutes to setup');
    expect(answer.views.every((view) => !/[:?]$/.test(view.quote))).toBe(true);
  });

  it('reads "does that change your advice?" as a question about the advice, not about data that changes', () => {
    const tail = ', does that change your advice?';
    const question = 'Our drivers are often out of coverage and the assistant must work on their tablets';
    const top = answerWhy(knowledge, question + tail).passages.slice(0, 3).map((passage) => passage.passageId);
    expect(top).toEqual(answerWhy(knowledge, question + '?').passages.slice(0, 3).map((passage) => passage.passageId));
    expect(top.some((passageId) => passageId.includes('static-or-dynamic'))).toBe(false);
  });

  it('reads "why would you suggest RAG?" as a question about RAG, not about recommender systems', () => {
    for (const question of ['Why would you suggest RAG here?', 'Why is your recommendation RAG?']) {
      const top = knowledge.search(question).slice(0, 3).map((item) => item.passage);
      expect(top.some((passage) => /content recommendation/i.test(passage.section))).toBe(false);
      expect(top.some((passage) => /\brag\b/i.test(passage.section))).toBe(true);
    }
    // Only the bot's own advising is taken out: recommending things to users is still a topic of its own.
    expect(expandQuery('Why would you suggest RAG here?').split(' ')).not.toContain('suggest');
    expect(expandQuery('Can RAG recommend products to each user?').split(' ')).toContain('recommend');
  });

  it('says honestly when the sources do not cover a question', () => {
    const answer = answerWhy(knowledge, 'What is the capital of France?');
    expect(answer.covered).toBe(false);
    expect(answer.citations).toEqual([]);
    expect(answer.answer).toMatch(/sources don't cover/);
  });

  it('answers "what is X?" from the sections that define X, opening with the definition', () => {
    const answer = answerWhy(knowledge, 'What is RAG?');
    expect(answer.covered).toBe(true);
    expect(answer.passages[0]?.section).toBe('What is RAG?');
    // The source has a non-breaking space after "or"; the quote keeps it, verbatim.
    expect(answer.citations[0]?.quote.replace(/\s/g, ' ')).toBe('RAG or Retrieval-Augmented Generation combines information retrieval with text generation.');
    // One definition per document, so the user sees how each source puts it.
    const documents = answer.passages.slice(0, 3).map((passage) => passage.docId);
    expect(new Set(documents).size).toBe(3);
    // A question about one aspect is not a request for a definition.
    expect(answerWhy(knowledge, 'What is the cost of fine-tuning?').passages[0]?.section).toMatch(/cost/i);
  });

  it('answers "what is X?" for a word few passages use, but not for a common word or one only example questions use', () => {
    const lora = answerWhy(knowledge, "What's LoRA?");
    expect(lora.covered).toBe(true);
    expect(lora.citations[0]?.quote).toMatch(/LoRA/i);
    expect(answerWhy(knowledge, "What's the weather like?").covered).toBe(false);
    // "Time" is in many passages, so it says nothing about what is asked.
    expect(answerWhy(knowledge, 'What is the time?').covered).toBe(false);
    expect(answerWhy(knowledge, 'What time is it?').covered).toBe(false);
    expect(answerWhy(knowledge, "What's your name?").covered).toBe(false);
  });

  it.runIf(devSetsPresent)('finds gold passages for the dev questions (recall@3 and MRR@5 floors) with every quote verbatim', () => {
    let recall = 0;
    let reciprocal = 0;
    const cases = whyCases();
    for (const item of cases) {
      const answer = answerWhy(knowledge, item.question);
      const texts = answer.passages.map((passage) => squash(passage.text));
      const golds = item.gold.map((gold) => squash(gold.quote));
      recall += golds.filter((gold) => texts.slice(0, 3).some((text) => text.includes(gold))).length / golds.length;
      const first = texts.slice(0, 5).findIndex((text) => golds.some((gold) => text.includes(gold)));
      reciprocal += first >= 0 ? 1 / (first + 1) : 0;
      for (const citation of answer.citations) expect(knowledge.passage(citation.passageId)?.text).toContain(citation.quote);
    }
    expect(recall / cases.length).toBeGreaterThanOrEqual(0.75);
    expect(reciprocal / cases.length).toBeGreaterThanOrEqual(0.85);
  });
});

describe('knowledge checker script', () => {
  it.runIf(existsSync(SOURCES_DIR))('finds every source line, no added words, expected front matter and every gold quote', async () => {
    const { spawnSync } = await import('node:child_process');
    const result = spawnSync(process.execPath, ['scripts/check-knowledge.mjs'], { cwd: join(import.meta.dirname, '../..'), encoding: 'utf8' });
    expect(result.stdout).toContain('knowledge check passed');
    expect(result.status).toBe(0);
  });
});
