/**
 * A local stand-in for Slack's Web API and response_url endpoints (node:http on 127.0.0.1). It records
 * every call with its parsed body, answers like Slack, can be scripted per method (429, 500, errors),
 * and lets a test await a call instead of sleeping.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { parse as parseQuery } from 'node:querystring';

export const BOT_USER_ID = 'UBOT';
export const BOT_ID = 'BBOT';
export const TEAM_ID = 'T0TEAM';

export interface RecordedCall {
  /** Web API method (`chat.postMessage`) or `response_url:<id>` for response_url posts. */
  method: string;
  body: Record<string, unknown>;
  /** Status the fake answered with. */
  status: number;
  /** What the fake answered (a posted message's `ts` is in here). */
  answer: Record<string, unknown>;
  authorization: string | undefined;
}

export interface ScriptedResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

interface Hold {
  arrived: Promise<void>;
  signalArrived(): void;
  gate: Promise<void>;
  release(): void;
}

type Waiter = { predicate: (call: RecordedCall) => boolean; resolve: (call: RecordedCall) => void };

export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  private readonly scripts = new Map<string, ScriptedResponse[]>();
  private readonly holds = new Map<string, Hold>();
  private waiters: Waiter[] = [];
  private server: Server | undefined;
  private port = 0;
  private nextTs = 1_700_000_000_000_100;

  async start(): Promise<void> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Hands WebSocket upgrade requests (Socket Mode) to `handler`. */
  onUpgrade(handler: (request: IncomingMessage, socket: Socket) => void): void {
    this.server?.on('upgrade', (request: IncomingMessage, socket: Socket) => handler(request, socket));
  }

  /** The WebSocket URL `apps.connections.open` hands out. */
  get socketUrl(): string {
    return `ws://127.0.0.1:${this.port}/socket-mode`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }

  /** Base URL for the Web API client (`clientOptions.slackApiUrl`). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/respond/${id}`;
  }

  /** Answers the next calls of `method` with these responses, in order; later calls get the default answer. */
  script(method: string, ...responses: ScriptedResponse[]): void {
    this.scripts.set(method, [...(this.scripts.get(method) ?? []), ...responses]);
  }

  /**
   * Keeps calls of `method` waiting, unanswered, until `release()`; `arrived` resolves when the first one
   * comes in. A held call whose caller has hung up by then is not answered or recorded.
   */
  hold(method: string): { arrived: Promise<void>; release(): void } {
    let signalArrived = () => undefined as void;
    let release = () => undefined as void;
    const arrived = new Promise<void>((resolve) => (signalArrived = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    const hold: Hold = { arrived, signalArrived, gate, release: () => {
      this.holds.delete(method);
      release();
    } };
    this.holds.set(method, hold);
    return { arrived, release: hold.release };
  }

  /** Calls Slack answered with 200 (what a user would actually see), optionally of one method. */
  delivered(method?: string): RecordedCall[] {
    return this.calls.filter((call) => call.status === 200 && (method === undefined || call.method === method));
  }

  /** Resolves with the first recorded call (past or future) matching the predicate; rejects after `timeoutMs`. */
  waitFor(predicate: (call: RecordedCall) => boolean, description: string, timeoutMs = 10_000): Promise<RecordedCall> {
    const seen = this.calls.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { predicate, resolve };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((item) => item !== waiter);
        const got = this.calls.map((call) => `${call.method}(${call.status})`).join(', ') || 'none';
        reject(new Error(`fake Slack never received ${description}; calls: ${got}`));
      }, timeoutMs);
      waiter.resolve = (call) => {
        clearTimeout(timer);
        resolve(call);
      };
      this.waiters.push(waiter);
    });
  }

  /** Waits for a delivered (200) call of `method` whose body matches. */
  waitForDelivered(method: string, match: (body: Record<string, unknown>) => boolean = () => true, timeoutMs?: number): Promise<RecordedCall> {
    return this.waitFor((call) => call.method === method && call.status === 200 && match(call.body), `a delivered ${method}`, timeoutMs);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readBody(request);
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const method = path.startsWith('/api/') ? path.slice('/api/'.length) : `response_url:${path.slice('/respond/'.length)}`;
    const body = parseBody(raw, request.headers['content-type']);
    const hold = this.holds.get(method);
    if (hold) {
      hold.signalArrived();
      await hold.gate;
      if (request.socket.destroyed) return;
    }
    const answer = this.scripts.get(method)?.shift() ?? this.defaultAnswer(method, body);
    const answerBody = (answer.body ?? { ok: answer.status === 200 }) as Record<string, unknown>;
    const call: RecordedCall = { method, body, status: answer.status, answer: answerBody, authorization: request.headers.authorization };
    this.calls.push(call);
    response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    response.end(JSON.stringify(answerBody));
    this.notify(call);
  }

  private notify(call: RecordedCall): void {
    const ready = this.waiters.filter((waiter) => waiter.predicate(call));
    this.waiters = this.waiters.filter((waiter) => !ready.includes(waiter));
    for (const waiter of ready) waiter.resolve(call);
  }

  private defaultAnswer(method: string, body: Record<string, unknown>): ScriptedResponse {
    switch (method) {
      case 'auth.test':
        return { status: 200, body: { ok: true, url: 'https://example.slack.com/', team: 'Example', user: 'advisor', team_id: TEAM_ID, user_id: BOT_USER_ID, bot_id: BOT_ID } };
      case 'chat.postMessage': {
        const ts = this.newTs();
        return { status: 200, body: { ok: true, channel: body.channel, ts, message: { type: 'message', user: BOT_USER_ID, bot_id: BOT_ID, text: body.text, ts } } };
      }
      case 'apps.connections.open':
        return { status: 200, body: { ok: true, url: this.socketUrl } };
      case 'chat.postEphemeral':
        return { status: 200, body: { ok: true, message_ts: this.newTs() } };
      case 'chat.update':
        return { status: 200, body: { ok: true, channel: body.channel, ts: body.ts } };
      default:
        return { status: 200, body: { ok: true } };
    }
  }

  private newTs(): string {
    this.nextTs += 100;
    const digits = String(this.nextTs);
    return `${digits.slice(0, 10)}.${digits.slice(10)}`;
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Web API calls are form-encoded with nested values as JSON strings; response_url posts are JSON. */
function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.startsWith('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const form = parseQuery(raw);
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(form)) {
    const text = Array.isArray(value) ? value.join(',') : (value ?? '');
    body[key] = /^[[{]/.test(text) ? JSON.parse(text) : text;
  }
  return body;
}
