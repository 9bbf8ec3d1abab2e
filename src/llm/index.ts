export { createLanguageModel, OpenAiModel, FAILURE_TEXT, type LanguageModel, type LlmOutcome, type LlmFailure } from './client.js';
export { LlmExtractor, asData } from './extractor.js';
export { GroundedAnswerer, validCitations, type GroundedAnswer } from './answerer.js';
