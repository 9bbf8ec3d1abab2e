import { fileURLToPath } from 'node:url';
import type { CitationView } from '../dialog/messages.js';
import type { Citation } from '../engine/types.js';
import { KnowledgeError, loadDocuments, type KnowledgeDocument } from './documents.js';
import { passagesOf, type Passage } from './passages.js';
import { bestQuote, sentencesOf, tableCells, tableColumns } from './quotes.js';
import { PassageIndex, type RankedPassage } from './search.js';
import { loadAskedQuestions, type AskedQuestion } from './asked.js';
import { loadVocabulary, type QuestionVocabulary } from './vocabulary.js';

export type { Passage, RankedPassage, KnowledgeDocument };
export { KnowledgeError, bestQuote, tableCells };

/** The bundled documents, next to src/. */
export const BUNDLED_KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge/', import.meta.url));

function citationView(passage: Passage, quote: string): CitationView {
  const columns = tableColumns(passage.text, quote);
  return { passageId: passage.passageId, title: passage.title, section: passage.section, quote, ...(columns ? { columns } : {}) };
}

/** The knowledge base: documents split into passages and indexed for BM25 search at start-up. */
export class KnowledgeBase {
  readonly documents: KnowledgeDocument[];
  readonly index: PassageIndex;

  /** Passage ids in the vocabulary or the asked questions that name no passage (a document changed since). */
  readonly staleVocabulary: string[];

  private constructor(documents: KnowledgeDocument[], vocabulary: QuestionVocabulary, asked: readonly AskedQuestion[]) {
    if (documents.length === 0) throw new KnowledgeError('the knowledge folder has no .md documents');
    this.documents = documents;
    const passages = documents.flatMap(passagesOf);
    this.index = new PassageIndex(passages, vocabulary, asked);
    const ids = new Set(passages.map((passage) => passage.passageId));
    const named = new Set([...Object.keys(vocabulary), ...asked.flatMap((question) => question.passages)]);
    this.staleVocabulary = [...named].filter((passageId) => !ids.has(passageId));
  }

  static load(directory: string = BUNDLED_KNOWLEDGE_DIR): KnowledgeBase {
    return new KnowledgeBase(loadDocuments(directory), loadVocabulary(directory), loadAskedQuestions(directory));
  }

  static fromDocuments(documents: KnowledgeDocument[], vocabulary: QuestionVocabulary = {}, asked: readonly AskedQuestion[] = []): KnowledgeBase {
    return new KnowledgeBase(documents, vocabulary, asked);
  }

  get passages(): Passage[] {
    return this.index.passages;
  }

  passage(passageId: string): Passage | undefined {
    return this.index.get(passageId);
  }

  /** How many passages' own text says the word. */
  passagesSaying(word: string): number {
    return this.index.passagesSaying(word);
  }

  search(question: string, limit = 8, boosts?: ReadonlyMap<string, number>): RankedPassage[] {
    return this.index.query(question, limit, boosts);
  }

  /** A citation made ready to show; null when it names no passage or its quote is not verbatim in it. */
  view(citation: Citation): CitationView | null {
    const passage = this.passage(citation.passageId);
    if (!passage || !passage.text.includes(citation.quote)) return null;
    return citationView(passage, citation.quote);
  }

  /** A definition opens its section: the first sentence that names the term, or the best quote when none does. */
  definitionFor(passage: Passage, term: RegExp, question: string): CitationView {
    const opening = sentencesOf(passage.text).find((sentence) => term.test(sentence) && passage.text.includes(sentence));
    return opening ? citationView(passage, opening) : this.quoteFor(passage, question);
  }

  quoteFor(passage: Passage, question: string): CitationView {
    return citationView(passage, bestQuote(passage.text, question, this.index.sentenceLikelihood(passage.passageId, question)));
  }
}
