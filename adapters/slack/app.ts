/** The Bolt app: HTTP mode (signed requests on /slack/events) or Socket Mode, with every listener registered. */
import type { AddressInfo } from 'node:net';
import { App, webApi, type Receiver } from '@slack/bolt';
import type { Advisor } from '../../src/dialog/advisor.js';
import type { Logger } from '../../src/log.js';
import { registerCommand } from './command.js';
import { registerEvents } from './events.js';
import { registerInteractions } from './interactions.js';
import { boltLevel, boltLogger, safeError } from './logging.js';

export const EVENTS_PATH = '/slack/events';

export interface SlackAppOptions {
  advisor: Advisor;
  logger: Logger;
  botToken: string;
  /** HTTP mode: verifies every request's signature. */
  signingSecret?: string;
  /** Socket Mode, used instead of HTTP when set. */
  appToken?: string;
  /** Requests arrive through this receiver instead (the answer thread, fed by the HTTP front). */
  receiver?: Receiver;
  /** HTTP mode: 0 picks a free port. */
  port?: number;
  /** HTTP mode: the interface to listen on (all by default). */
  host?: string;
  /** Web API client settings (base URL, retries); merged over the defaults below. */
  clientOptions?: webApi.WebClientOptions;
}

export interface SlackApp {
  app: App;
  /** Starts listening; in HTTP mode resolves with the bound port. */
  start(): Promise<{ port?: number }>;
  stop(): Promise<void>;
}

/** Rate limits wait for Slack's retry-after; other failures retry a few times over a few minutes. */
const DEFAULT_CLIENT_OPTIONS: webApi.WebClientOptions = { retryConfig: webApi.retryPolicies.fiveRetriesInFiveMinutes };

export function createSlackApp(options: SlackAppOptions): SlackApp {
  const socketMode = Boolean(options.appToken);
  if (!socketMode && !options.receiver && !options.signingSecret) throw new Error('Slack HTTP mode needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN for Socket Mode)');
  const logger = options.logger.child({ surface: 'slack' });
  const app = new App({
    token: options.botToken,
    ...transport(options),
    logger: boltLogger(logger),
    logLevel: boltLevel(logger),
    // The core's store holds conversation state; Bolt's own conversation store would be a second, volatile copy.
    convoStore: false,
    // The listeners skip the bot's own posts themselves, and log every message they skip.
    ignoreSelf: false,
    clientOptions: { ...DEFAULT_CLIENT_OPTIONS, ...options.clientOptions },
    // The token check (auth.test) runs in start(), where a rejected token becomes a clear start-up error
    // instead of a promise rejected in the background.
    deferInitialization: true,
  });
  const deps = { advisor: options.advisor, logger };
  registerEvents(app, deps);
  registerCommand(app, deps);
  registerInteractions(app, deps);
  app.error(async (error) => {
    logger.error({ error: safeError(error) }, 'Slack listener failed');
  });
  return {
    app,
    async start() {
      await verifyToken(app);
      if (socketMode || options.receiver) {
        await app.start();
        return {};
      }
      const server = await app.start({ port: options.port ?? 3000, ...(options.host ? { host: options.host } : {}) });
      return { port: (server.address() as AddressInfo).port };
    },
    async stop() {
      await app.stop();
    },
  };
}

function transport(options: SlackAppOptions) {
  if (options.receiver) return { receiver: options.receiver };
  if (options.appToken) return { socketMode: true, appToken: options.appToken };
  return { signingSecret: options.signingSecret, endpoints: EVENTS_PATH };
}

async function verifyToken(app: App): Promise<void> {
  try {
    await app.init();
  } catch (error) {
    throw new Error(`Slack did not accept SLACK_BOT_TOKEN or could not be reached: ${safeError(error).message}`);
  }
}
