/** The advisor as the configuration describes it: its store, knowledge, question limit and optional language model. */
import { llmSettings, type Config } from '../src/config.js';
import { createAdvisor, createLanguageModel, type Advisor } from '../src/index.js';
import type { Logger } from '../src/log.js';
import { openStore } from '../src/store/open.js';
import type { ConversationStore } from '../src/store/types.js';

export async function openAdvisor(config: Config, logger: Logger): Promise<{ advisor: Advisor; store: ConversationStore }> {
  const store = await openStore(config, logger);
  const advisor = await createAdvisor({ store, logger, knowledgeDir: config.ADVISOR_KNOWLEDGE_DIR, maxQuestions: config.ADVISOR_MAX_QUESTIONS, llm: createLanguageModel(llmSettings(config), logger) });
  return { advisor, store };
}
