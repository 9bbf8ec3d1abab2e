/**
 * The Slack HTTP front, on the main thread: Bolt's HTTP receiver verifies each request's signature,
 * acknowledges it at once, and hands it to the answer thread. Nothing here waits on the advisor or the Web
 * API, so acknowledgements keep Slack's 3-second deadline however busy answering gets.
 *
 * When the answer thread's backlog is full, events get 503 (Slack delivers them again later) and /advise
 * gets a visible "busy" reply; button presses are always taken, as they are few and expected at once.
 */
import type { AddressInfo } from 'node:net';
import { App, AuthorizationError, HTTPModuleFunctions, HTTPReceiver, type ReceiverProcessEventErrorHandlerArgs } from '@slack/bolt';
import type { Logger } from '../../src/log.js';
import type { AnswerThread } from './answer-thread.js';
import { EVENTS_PATH } from './app.js';
import { boltLevel, boltLogger, safeError } from './logging.js';

export const BUSY_TEXT = 'I am answering a lot of requests right now and could not take this one. Please send it again in a minute.';

/** Seconds after which a turned-away request is worth sending again. */
const RETRY_AFTER_SECONDS = 30;

type CommandAck = (text: string) => Promise<void>;

class BacklogFullError extends Error {
  constructor() {
    super('the answer backlog is full');
  }
}

export interface SlackFrontOptions {
  signingSecret: string;
  answers: AnswerThread;
  logger: Logger;
  port: number;
  host?: string | undefined;
}

export interface SlackFront {
  start(): Promise<number>;
  stop(): Promise<void>;
}

export function createSlackFront(options: SlackFrontOptions): SlackFront {
  const logger = options.logger.child({ surface: 'slack' });
  const overload = overloadLog(logger, options.answers);
  const receiver = new HTTPReceiver({
    signingSecret: options.signingSecret,
    endpoints: EVENTS_PATH,
    logger: boltLogger(logger),
    logLevel: boltLevel(logger),
    processEventErrorHandler: turnAwayWhenFull,
  });
  const app = new App({
    receiver,
    logger: boltLogger(logger),
    logLevel: boltLevel(logger),
    convoStore: false,
    ignoreSelf: false,
    // Bolt authorizes before it acknowledges an event, so this is where a full backlog can still say no.
    authorize: async (_source, body) => {
      if (body?.type === 'event_callback' && options.answers.full) {
        overload.turnedAway();
        throw new BacklogFullError();
      }
      return {};
    },
  });
  app.use(async ({ body, ack, context }) => {
    if ('command' in body && options.answers.full) {
      overload.turnedAway();
      // A slash command's acknowledgement may carry text, shown only to the person who typed the command.
      await (ack as CommandAck | undefined)?.(BUSY_TEXT);
      return;
    }
    // Events were acknowledged by Bolt already; everything else is acknowledged here, empty, as the listeners would.
    await ack?.();
    options.answers.accept({ body: { ...body }, retryNum: context.retryNum, retryReason: context.retryReason });
    overload.accepted();
  });
  app.error(async (error) => {
    if (!isBacklogFull(error)) logger.error({ error: safeError(error) }, 'Slack front failed to hand over a request');
    throw error;
  });
  return {
    async start() {
      const server = await receiver.start({ port: options.port, ...(options.host ? { host: options.host } : {}) });
      return (server.address() as AddressInfo).port;
    },
    async stop() {
      await app.stop();
    },
  };
}

function isBacklogFull(error: unknown): boolean {
  return error instanceof BacklogFullError || (error instanceof AuthorizationError && error.original instanceof BacklogFullError);
}

async function turnAwayWhenFull(args: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> {
  if (!isBacklogFull(args.error)) return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
  args.response.writeHead(503, { 'retry-after': String(RETRY_AFTER_SECONDS) });
  args.response.end();
  return true;
}

/** One warning when the backlog fills and one note when it has room again, not a line per request. */
function overloadLog(logger: Logger, answers: AnswerThread) {
  let turnedAway = 0;
  return {
    turnedAway() {
      if (turnedAway === 0) logger.warn({ backlog: answers.backlog }, 'Slack answer backlog is full; turning new requests away until it has room');
      turnedAway += 1;
    },
    accepted() {
      if (turnedAway === 0) return;
      logger.info({ turnedAway }, 'Slack answer backlog has room again');
      turnedAway = 0;
    },
  };
}
