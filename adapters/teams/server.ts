/** The HTTP endpoint Teams (through the Bot Connector) posts activities to: POST /api/messages. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';

type BotFrameworkAuthentication = ConstructorParameters<typeof CloudAdapter>[0];
import type { Logger } from '../../src/log.js';
import { describeError, isAuthenticationFailure } from './errors.js';

export const MESSAGES_PATH = '/api/messages';
/** Activities are a few kilobytes; anything far larger is not from Teams. */
const MAX_BODY_BYTES = 512 * 1024;

type Logic = (context: TurnContext) => Promise<void>;

/** CloudAdapter whose token check + turn can be driven from a plain node:http server. */
export class TeamsCloudAdapter extends CloudAdapter {
  constructor(auth: BotFrameworkAuthentication) {
    super(auth);
  }

  /** `processActivity` validates the Authorization header, then runs the turn; it throws on a bad token. */
  handle(authHeader: string, activity: Activity, logic: Logic): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseActivity(body: string): Activity {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new HttpError(400, 'request body is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || typeof (parsed as { type?: unknown }).type !== 'string') {
    throw new HttpError(400, 'request body is not an activity');
  }
  return parsed as Activity;
}

function send(response: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    response.writeHead(status).end();
    return;
  }
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

export interface MessagesServerOptions {
  adapter: TeamsCloudAdapter;
  logic: Logic;
  logger: Logger;
}

async function route(options: MessagesServerOptions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (path !== MESSAGES_PATH) return send(response, 404);
  if (request.method !== 'POST') return send(response, 405);
  const activity = parseActivity(await readBody(request));
  const authHeader = request.headers.authorization ?? '';
  const invoke = await options.adapter.handle(authHeader, activity, options.logic);
  send(response, invoke?.status ?? 200, invoke?.body);
}

function fail(options: MessagesServerOptions, request: IncomingMessage, response: ServerResponse, error: unknown): void {
  if (error instanceof HttpError) {
    options.logger.warn({ status: error.status, reason: error.message }, 'Teams: bad request to /api/messages');
    return send(response, error.status);
  }
  if (isAuthenticationFailure(error)) {
    // Never log the Authorization header: only that a request was turned away, and from where.
    options.logger.warn({ remoteAddress: request.socket.remoteAddress, error: describeError(error) }, 'Teams: request rejected, missing or invalid Bot Framework token');
    return send(response, 401);
  }
  options.logger.error({ error: describeError(error) }, 'Teams: failed to process activity');
  send(response, 500);
}

export function createMessagesServer(options: MessagesServerOptions): Server {
  return createServer((request, response) => {
    route(options, request, response).catch((error: unknown) => fail(options, request, response, error));
  });
}
