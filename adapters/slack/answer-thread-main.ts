/**
 * Inside the answer thread: the advisor (its own store connection), the Bolt app with every listener, and
 * a receiver fed by the HTTP front. Each request is run through Bolt's `processEvent`, exactly as the HTTP
 * receiver would; the front has already acknowledged it, so `ack` does nothing here.
 */
import { setPriority } from 'node:os';
import { Writable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import type { App, Receiver } from '@slack/bolt';
import { createLogger, type Logger } from '../../src/log.js';
import type { ConversationStore } from '../../src/store/types.js';
import { openAdvisor } from '../compose.js';
import { AFTER_CRASH, type AnswerThreadData, type ForwardedRequest, type FromAnswerThread, type ToAnswerThread } from './answer-protocol.js';
import { createSlackApp } from './app.js';
import { slackClientOptions } from './client-options.js';
import { safeError } from './logging.js';

class ForwardedRequests implements Receiver {
  private app: App | undefined;

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  async handle(request: ForwardedRequest): Promise<void> {
    if (!this.app) throw new Error('the answer thread received a request before Bolt was initialised');
    await this.app.processEvent({
      body: request.body,
      ack: async () => undefined,
      retryNum: request.retryNum,
      retryReason: request.retryReason,
      ...(request.afterCrash ? { customProperties: { [AFTER_CRASH]: true } } : {}),
    });
  }
}

function send(message: FromAnswerThread): void {
  parentPort?.postMessage(message);
}

/** Log lines go to the main thread, which writes them through its own logger (one stream, one redaction). */
function relayedLogger(level: string): Logger {
  const lines = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) send({ kind: 'log', line });
      done();
    },
  });
  return createLogger(level, lines);
}

function lowerPriority(niceness: number, logger: Logger): void {
  try {
    // Linux keeps niceness per thread, so this lowers the answer thread only, never the acknowledging one.
    setPriority(niceness);
  } catch (error) {
    logger.warn({ error: safeError(error) }, 'could not lower the answer thread priority; answers and acknowledgements share the CPU equally');
  }
}

async function run(data: AnswerThreadData): Promise<void> {
  const logger = relayedLogger(data.logLevel);
  lowerPriority(data.niceness, logger);
  let store: ConversationStore | undefined;
  try {
    const opened = await openAdvisor(data.config, logger);
    store = opened.store;
    const receiver = new ForwardedRequests();
    const botToken = data.config.SLACK_BOT_TOKEN ?? '';
    const slack = createSlackApp({ advisor: opened.advisor, logger, botToken, receiver, clientOptions: slackClientOptions(data.config) });
    await slack.start();
    listen(receiver, store, logger);
    send({ kind: 'ready' });
  } catch (error) {
    send({ kind: 'failed', message: safeError(error).message });
    await store?.close();
    process.exit(1);
  }
}

function listen(receiver: ForwardedRequests, store: ConversationStore, logger: Logger): void {
  parentPort?.on('message', (message: ToAnswerThread) => {
    if (message.kind === 'stop') {
      void store.close().finally(() => process.exit(0));
      return;
    }
    const { seq } = message.request;
    receiver.handle(message.request).then(
      () => send({ kind: 'done', seq }),
      (error: unknown) => {
        logger.error({ error: safeError(error), seq }, 'Slack request failed in the answer thread');
        send({ kind: 'done', seq });
      },
    );
  });
}

await run(workerData as AnswerThreadData);
