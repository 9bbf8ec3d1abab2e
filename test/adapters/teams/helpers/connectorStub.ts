/**
 * A local stand-in for the Bot Framework Connector (the `serviceUrl` of the activities we post): records
 * every activity the bot sends and answers like the real service, or with scripted failures.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentActivity {
  type: string;
  text?: string;
  textFormat?: string;
  replyToId?: string;
  attachments?: { contentType: string; content: unknown }[];
  conversation?: { id: string };
  [key: string]: unknown;
}

export interface ConnectorCall {
  method: string;
  /** Decoded conversation id from the URL. */
  conversationId: string;
  /** The activity id in `/activities/{replyToId}`, when the bot replied to one. */
  replyToId: string | undefined;
  authorization: string | undefined;
  activity: SentActivity;
  /** Status the stub answered with. */
  status: number;
}

interface Waiter {
  predicate: (call: ConnectorCall) => boolean;
  resolve: (call: ConnectorCall) => void;
}

const ACTIVITIES_PATH = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

async function readJson(request: IncomingMessage): Promise<SentActivity> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as SentActivity;
}

export class ConnectorStub {
  readonly calls: ConnectorCall[] = [];
  /** Statuses to answer the next message activities with, in order; typing activities always succeed. */
  private readonly script: number[] = [];
  private readonly waiters: Waiter[] = [];
  private server: Server | undefined;
  private counter = 0;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      void this.onRequest(request).then(({ status, body }) => {
        response.writeHead(status, { 'content-type': 'application/json', ...(status === 429 ? { 'retry-after': '0' } : {}) }).end(JSON.stringify(body));
      });
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }

  /** The next message activities get these statuses (e.g. 429 then 200). */
  failNext(...statuses: number[]): void {
    this.script.push(...statuses);
  }

  messages(): ConnectorCall[] {
    return this.calls.filter((call) => call.activity.type === 'message' && call.status < 300);
  }

  /** Resolves with the first call (already recorded or still to come) that matches. */
  waitFor(predicate: (call: ConnectorCall) => boolean, timeoutMs = 10_000): Promise<ConnectorCall> {
    const seen = this.calls.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { predicate, resolve };
      this.waiters.push(waiter);
      // Failure guard only: a correct run resolves as soon as the call arrives.
      setTimeout(() => reject(new Error('connector stub: expected call did not arrive')), timeoutMs).unref();
    });
  }

  /** The n-th delivered message activity (1-based) since the stub started. */
  nthMessage(n: number): Promise<ConnectorCall> {
    return this.waitFor((call) => call.activity.type === 'message' && call.status < 300 && this.messages().indexOf(call) === n - 1);
  }

  private async onRequest(request: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const match = ACTIVITIES_PATH.exec(new URL(request.url ?? '/', 'http://stub').pathname);
    if (request.method !== 'POST' || !match) return { status: 404, body: { error: { code: 'NotFound' } } };
    const activity = await readJson(request);
    const status = activity.type === 'message' ? (this.script.shift() ?? 200) : 200;
    const call: ConnectorCall = {
      method: request.method,
      conversationId: decodeURIComponent(match[1] ?? ''),
      replyToId: match[2] === undefined ? undefined : decodeURIComponent(match[2]),
      authorization: request.headers.authorization,
      activity,
      status,
    };
    this.record(call);
    if (status >= 300) return { status, body: { error: { code: 'ServiceError', message: 'scripted failure' } } };
    this.counter += 1;
    return { status, body: { id: `sent-${this.counter}` } };
  }

  private record(call: ConnectorCall): void {
    this.calls.push(call);
    for (const waiter of [...this.waiters]) {
      if (!waiter.predicate(call)) continue;
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(call);
    }
  }
}
