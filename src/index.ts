/** The platform-free core: what adapters and scripts import. */
import { Advisor, type AdvisorOptions } from './dialog/advisor.js';
import { KnowledgeBase } from './knowledge/index.js';
import type { Logger } from './log.js';
import type { Extractor } from './profile/extract.js';
import { prepareInference } from './profile/classifier.js';
import { GroundedAnswerer } from './llm/answerer.js';
import type { LanguageModel } from './llm/client.js';
import { LlmExtractor } from './llm/extractor.js';
import type { ConversationStore } from './store/types.js';

export { Advisor, HELP_TEXT } from './dialog/advisor.js';
export { isSummaryRequest } from './dialog/intents.js';
export * from './dialog/messages.js';
export { answerWhy, type WhyAnswer } from './dialog/why.js';
export { decide } from './engine/index.js';
export type { EngineResult, Option } from './engine/types.js';
export { KnowledgeBase, BUNDLED_KNOWLEDGE_DIR } from './knowledge/index.js';
export { ProfileSchema, type Profile, type ProfileField } from './profile/schema.js';
export { extractProfile, type Extractor } from './profile/extract.js';
export { createMemoryStore, openSqliteStore, type ConversationStore } from './store/index.js';
export { loadConfig, type Config } from './config.js';
export { createLogger, type Logger } from './log.js';
export { createLanguageModel, type LanguageModel } from './llm/client.js';

export interface CreateAdvisorOptions {
  store: ConversationStore;
  logger?: Logger;
  knowledgeDir?: string;
  maxQuestions?: number;
  extractor?: Extractor;
  /** A language model: better reading of messages and written "why" answers; the engine still decides. */
  llm?: LanguageModel | null;
  now?: () => Date;
}

/** Loads the knowledge base and builds the advisor every surface shares. */
export async function createAdvisor(options: CreateAdvisorOptions): Promise<Advisor> {
  const knowledge = KnowledgeBase.load(options.knowledgeDir);
  if (knowledge.staleVocabulary.length > 0) {
    options.logger?.warn({ passageIds: knowledge.staleVocabulary }, 'question vocabulary or asked questions name passages no document has; those entries are ignored');
  }
  prepareInference();
  const advisorOptions: AdvisorOptions = { store: options.store, knowledge };
  if (options.logger) advisorOptions.logger = options.logger;
  if (options.maxQuestions !== undefined) advisorOptions.maxQuestions = options.maxQuestions;
  if (options.llm) {
    advisorOptions.extractor = new LlmExtractor(options.llm, options.logger);
    advisorOptions.answerer = new GroundedAnswerer(options.llm);
  }
  if (options.extractor) advisorOptions.extractor = options.extractor;
  if (options.now) advisorOptions.now = options.now;
  return new Advisor(advisorOptions);
}
