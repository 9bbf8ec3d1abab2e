/** The Slack surface (SPEC 6): `startSlack` for `npm start`, `createSlackApp` for tests and embedding. */
import type { Config } from '../../src/config.js';
import type { Advisor } from '../../src/dialog/advisor.js';
import type { Logger } from '../../src/log.js';
import { AnswerThread } from './answer-thread.js';
import { createSlackApp, EVENTS_PATH } from './app.js';
import { slackClientOptions } from './client-options.js';
import { createSlackFront } from './front.js';

export { createSlackApp, EVENTS_PATH, type SlackApp, type SlackAppOptions } from './app.js';
export { BUSY_TEXT } from './front.js';
export { renderAssessment, renderReply, renderUsage, type SlackMessage } from './render.js';

export interface StartSlackOptions {
  config: Config;
  /** Used in Socket Mode; in HTTP mode the answer thread opens its own from the same configuration. */
  advisor: Advisor;
  logger: Logger;
}

export interface RunningSlack {
  stop(): Promise<void>;
  /** The HTTP port, in HTTP mode. */
  port?: number;
  /** HTTP mode: the thread that answers, for tests and health checks. */
  answers?: AnswerThread;
}

/** Starts Slack from the configuration: Socket Mode with SLACK_APP_TOKEN, otherwise HTTP on SLACK_PORT. */
export async function startSlack({ config, advisor, logger }: StartSlackOptions): Promise<RunningSlack> {
  if (!config.SLACK_BOT_TOKEN) throw new Error('SLACK_BOT_TOKEN is not set');
  if (config.SLACK_APP_TOKEN) return startSocketMode(config, config.SLACK_BOT_TOKEN, config.SLACK_APP_TOKEN, advisor, logger);
  if (!config.SLACK_SIGNING_SECRET) throw new Error('SLACK_SIGNING_SECRET is not set');
  return startHttp(config, config.SLACK_SIGNING_SECRET, logger);
}

async function startSocketMode(config: Config, botToken: string, appToken: string, advisor: Advisor, logger: Logger): Promise<RunningSlack> {
  const slack = createSlackApp({ advisor, logger, botToken, appToken, clientOptions: slackClientOptions(config) });
  await slack.start();
  logger.info({ surface: 'slack', mode: 'socket' }, 'Slack surface started');
  return { stop: () => slack.stop() };
}

/** HTTP: the front acknowledges on the main thread; the answer thread does the work (see front.ts). */
async function startHttp(config: Config, signingSecret: string, logger: Logger): Promise<RunningSlack> {
  const answers = await AnswerThread.start({ config, logger, capacity: config.SLACK_MAX_BACKLOG });
  const front = createSlackFront({ signingSecret, answers, logger, port: config.SLACK_PORT });
  let port: number;
  try {
    port = await front.start();
  } catch (error) {
    await answers.stop();
    throw error;
  }
  logger.info({ surface: 'slack', mode: 'http', port, path: EVENTS_PATH, backlogCapacity: config.SLACK_MAX_BACKLOG }, 'Slack surface started');
  return {
    port,
    answers,
    async stop() {
      await front.stop();
      await answers.stop();
    },
  };
}
