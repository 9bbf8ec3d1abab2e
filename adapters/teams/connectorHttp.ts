/**
 * The HTTP client the Bot Framework connector sends replies with, owning the retry policy.
 *
 * Why not the connector's built-in retries: its Azure pipeline retries 5xx with a fixed 1 s exponential base
 * and 429 only when a Retry-After header is present, and none of that can be configured through
 * `ConnectorClientOptions`. The one supported hook is `httpClient`, which sits below that pipeline. So this
 * client retries 429/5xx/network failures itself, with a configurable backoff, and when it finally gives up
 * it throws a plain `ConnectorDeliveryError` (not an Azure RestError), which the pipeline passes through
 * without retrying it a second time.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { toHttpHeadersLike, type CompatResponse, type RequestPolicy, type WebResourceLike } from '@azure/core-http-compat';
import { createDefaultHttpClient, createHttpHeaders, createPipelineRequest, isRestError, type HttpClient, type PipelineResponse } from '@azure/core-rest-pipeline';

export interface RetryOptions {
  /** Retries after the first attempt. */
  retries: number;
  /** First backoff delay; doubled on every retry, with jitter. */
  baseDelayMs: number;
  /** Upper bound for any single wait, including a server's Retry-After. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { retries: 3, baseDelayMs: 500, maxDelayMs: 8_000 };

/** A connector request that failed for good, after retries where they made sense. */
export class ConnectorDeliveryError extends Error {
  override readonly name = 'ConnectorDeliveryError';
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly attempts: number,
  ) {
    super(message);
  }
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND']);

export function isRetriableStatus(status: number): boolean {
  return status === 429 || status === 408 || (status >= 500 && status !== 501 && status !== 505);
}

/** Seconds or an HTTP date, as Retry-After allows; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function backoffMs(attempt: number, options: RetryOptions, serverHint?: number): number {
  if (serverHint !== undefined) return Math.min(serverHint, options.maxDelayMs);
  const exponential = options.baseDelayMs * 2 ** attempt;
  // Jitter in [50%, 100%] so replicas that failed together do not retry together.
  return Math.min(options.maxDelayMs, exponential / 2 + Math.random() * (exponential / 2));
}

/** Path only: the query string of a connector URL is never needed in a log line. */
function describeTarget(request: WebResourceLike): string {
  try {
    return `${request.method} ${new URL(request.url).pathname}`;
  } catch {
    return request.method;
  }
}

function toPipelineRequest(request: WebResourceLike) {
  return createPipelineRequest({
    url: request.url,
    method: request.method,
    headers: createHttpHeaders(request.headers.toJson({ preserveCase: true })),
    body: request.body,
    timeout: request.timeout,
    requestId: request.requestId,
    withCredentials: request.withCredentials,
    // Same rule as the connector's own client: plain http only when the serviceUrl itself is http (local tools).
    allowInsecureConnection: request.url.toLowerCase().startsWith('http:'),
    ...(request.abortSignal ? { abortSignal: request.abortSignal } : {}),
    ...(request.agent ? { agent: request.agent } : {}),
  });
}

function toCompat(response: PipelineResponse, request: WebResourceLike): CompatResponse {
  // `request` must be the object the pipeline handed in: the connector finds its response parser through it.
  return { ...response, request, headers: toHttpHeadersLike(response.headers) };
}

type Attempt = { response: PipelineResponse } | { error: unknown };

async function attempt(client: HttpClient, request: WebResourceLike): Promise<Attempt> {
  try {
    return { response: await client.sendRequest(toPipelineRequest(request)) };
  } catch (error) {
    return { error };
  }
}

function isNetworkFailure(error: unknown): boolean {
  return isRestError(error) && error.code !== undefined && NETWORK_CODES.has(error.code);
}

function giveUp(outcome: Attempt, target: string, attempts: number): ConnectorDeliveryError {
  if ('response' in outcome) {
    return new ConnectorDeliveryError(`Bot Connector answered ${outcome.response.status} to ${target} after ${attempts} attempt(s)`, outcome.response.status, attempts);
  }
  const reason = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
  return new ConnectorDeliveryError(`Bot Connector unreachable for ${target} after ${attempts} attempt(s): ${reason}`, undefined, attempts);
}

export function createRetryingHttpClient(options: RetryOptions = DEFAULT_RETRY, inner: HttpClient = createDefaultHttpClient()): RequestPolicy {
  return {
    async sendRequest(request: WebResourceLike): Promise<CompatResponse> {
      const target = describeTarget(request);
      for (let tries = 0; ; tries += 1) {
        const outcome = await attempt(inner, request);
        const retriable = 'response' in outcome ? isRetriableStatus(outcome.response.status) : isNetworkFailure(outcome.error);
        if (!retriable) {
          if ('response' in outcome) return toCompat(outcome.response, request);
          throw outcome.error;
        }
        if (tries >= options.retries || request.abortSignal?.aborted) throw giveUp(outcome, target, tries + 1);
        const hint = 'response' in outcome ? retryAfterMs(outcome.response.headers.get('retry-after') ?? undefined) : undefined;
        await sleep(backoffMs(tries, options, hint));
      }
    },
  };
}
