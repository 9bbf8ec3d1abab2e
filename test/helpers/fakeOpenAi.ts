import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { name: string } };
}

export interface ScriptedResponse {
  status?: number;
  headers?: Record<string, string>;
  /** Raw body; by default a chat completion wrapping `content`. */
  body?: string;
  content?: string;
  refusal?: string;
  delayMs?: number;
}

export type Responder = (request: ChatRequest, callNumber: number) => ScriptedResponse;

function completion(content: string | null, refusal: string | null): string {
  return JSON.stringify({
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'fake-model',
    choices: [{ index: 0, message: { role: 'assistant', content, refusal }, finish_reason: 'stop', logprobs: null }],
    usage: { prompt_tokens: 120, completion_tokens: 30, total_tokens: 150 },
  });
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A local OpenAI-compatible server on 127.0.0.1 answering POST /v1/chat/completions as scripted. */
export async function startFakeOpenAi(responder: Responder): Promise<{ baseURL: string; calls: ChatRequest[]; authHeaders: string[]; close(): Promise<void> }> {
  const calls: ChatRequest[] = [];
  const authHeaders: string[] = [];
  const pending = new Set<NodeJS.Timeout>();
  const server: Server = createServer(async (request, response) => {
    const raw = await readBody(request);
    if (request.method !== 'POST' || !request.url?.endsWith('/chat/completions')) {
      response.writeHead(404).end('{}');
      return;
    }
    const chat = JSON.parse(raw) as ChatRequest;
    calls.push(chat);
    authHeaders.push(String(request.headers.authorization ?? ''));
    const scripted = responder(chat, calls.length);
    const send = () => {
      if (response.destroyed) return;
      response.writeHead(scripted.status ?? 200, { 'content-type': 'application/json', ...(scripted.headers ?? {}) });
      response.end(scripted.body ?? completion(scripted.content ?? null, scripted.refusal ?? null));
    };
    if (scripted.delayMs) {
      const timer = setTimeout(() => {
        pending.delete(timer);
        send();
      }, scripted.delayMs);
      pending.add(timer);
    } else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    calls,
    authHeaders,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of pending) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The user text inside the <user_message> block of an extraction request. */
export function userMessageOf(request: ChatRequest): string {
  const content = request.messages.find((message) => message.role === 'user')?.content ?? '';
  return /<user_message>\n([\s\S]*)\n<\/user_message>/.exec(content)?.[1] ?? '';
}

export function passageIdsOf(request: ChatRequest): string[] {
  const content = request.messages.find((message) => message.role === 'user')?.content ?? '';
  return [...content.matchAll(/<passage id="([^"]+)"/g)].map((match) => match[1] ?? '');
}

export const ALL_NULL_PROFILE = {
  task: null, knowledgeNeed: null, knowledgeFreshness: null, behaviourNeed: null, outputStructure: null, domainLanguage: null, accuracyStakes: null,
  citations: null, labeledExamples: null, modelClass: null, latency: null, deployment: null, mlCapacity: null, dataRestriction: null, personalization: null,
};
