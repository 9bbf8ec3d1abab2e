import OpenAI, { APIConnectionTimeoutError, APIError, RateLimitError } from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { z } from 'zod';
import type { Logger } from '../log.js';

export type LlmFailure = 'timeout' | 'rate-limit' | 'error' | 'refusal' | 'malformed';

export type LlmOutcome<T> = { ok: true; value: T } | { ok: false; failure: LlmFailure; detail: string };

export interface StructuredRequest<T> {
  /** Name of the output schema (letters, digits, underscores). */
  name: string;
  system: string;
  user: string;
  schema: z.ZodType<T>;
}

/** The one thing the core asks of a language model: a structured answer, or a named failure. */
export interface LanguageModel {
  readonly model: string;
  complete<T>(request: StructuredRequest<T>): Promise<LlmOutcome<T>>;
}

export interface LlmSettings {
  apiKey: string;
  baseURL?: string | undefined;
  model: string;
  timeoutMs: number;
  maxRetries: number;
}

export const FAILURE_TEXT: Record<LlmFailure, string> = {
  timeout: 'it did not answer in time',
  'rate-limit': 'it is rate-limited right now',
  error: 'the service returned an error',
  refusal: 'it declined to answer',
  malformed: 'its answer was not in the expected form',
};

function classify(error: unknown): { failure: LlmFailure; detail: string } {
  if (error instanceof APIConnectionTimeoutError) return { failure: 'timeout', detail: 'request timed out' };
  if (error instanceof RateLimitError) return { failure: 'rate-limit', detail: 'HTTP 429' };
  if (error instanceof APIError) return { failure: 'error', detail: `HTTP ${error.status ?? 'connection'}` };
  if (error instanceof SyntaxError) return { failure: 'malformed', detail: 'invalid JSON' };
  const name = error instanceof Error ? error.name : 'unknown';
  if (name === 'ZodError' || name === '$ZodError') return { failure: 'malformed', detail: 'output did not match the schema' };
  if (name === 'LengthFinishReasonError' || name === 'ContentFilterFinishReasonError') return { failure: 'malformed', detail: name };
  return { failure: 'error', detail: error instanceof Error ? error.message.slice(0, 200) : String(error) };
}

/** An OpenAI-compatible chat-completions model (OpenAI, Azure OpenAI v1, Ollama, vLLM). */
export class OpenAiModel implements LanguageModel {
  readonly model: string;
  private readonly client: OpenAI;

  constructor(
    settings: LlmSettings,
    private readonly logger?: Logger,
  ) {
    this.model = settings.model;
    this.client = new OpenAI({ apiKey: settings.apiKey, baseURL: settings.baseURL, timeout: settings.timeoutMs, maxRetries: settings.maxRetries });
  }

  async complete<T>(request: StructuredRequest<T>): Promise<LlmOutcome<T>> {
    const started = performance.now();
    try {
      const completion = await this.client.chat.completions.parse({
        model: this.model,
        temperature: 0,
        messages: [
          { role: 'system', content: request.system },
          { role: 'user', content: request.user },
        ],
        response_format: zodResponseFormat(request.schema, request.name),
      });
      const message = completion.choices[0]?.message;
      const ms = Math.round(performance.now() - started);
      this.logger?.info({ llm: { call: request.name, model: this.model, ms, usage: completion.usage ?? null } }, 'language model call');
      if (message?.refusal) return this.failed(request.name, started, 'refusal', message.refusal.slice(0, 200));
      if (message?.parsed === null || message?.parsed === undefined) return this.failed(request.name, started, 'malformed', 'no parsed content');
      return { ok: true, value: message.parsed as T };
    } catch (error) {
      const { failure, detail } = classify(error);
      return this.failed(request.name, started, failure, detail);
    }
  }

  private failed(call: string, started: number, failure: LlmFailure, detail: string): { ok: false; failure: LlmFailure; detail: string } {
    this.logger?.warn({ llm: { call, model: this.model, ms: Math.round(performance.now() - started), failure, detail } }, 'language model call failed');
    return { ok: false, failure, detail };
  }
}

/** The configured model, or null: without OPENAI_API_KEY the advisor stays fully deterministic and offline. */
export function createLanguageModel(settings: Partial<LlmSettings> & { apiKey?: string | undefined }, logger?: Logger): LanguageModel | null {
  if (!settings.apiKey) return null;
  return new OpenAiModel(
    { apiKey: settings.apiKey, baseURL: settings.baseURL, model: settings.model ?? 'gpt-4o-mini', timeoutMs: settings.timeoutMs ?? 8000, maxRetries: settings.maxRetries ?? 1 },
    logger,
  );
}
