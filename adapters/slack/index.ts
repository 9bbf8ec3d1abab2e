/** The Slack surface (SPEC 6): `startSlack` for `npm start`, `createSlackApp` for tests and embedding. */
import type { Config } from '../../src/config.js';
import type { Advisor } from '../../src/dialog/advisor.js';
import type { Logger } from '../../src/log.js';
import { createSlackApp, EVENTS_PATH } from './app.js';

export { createSlackApp, EVENTS_PATH, type SlackApp, type SlackAppOptions } from './app.js';
export { renderAssessment, renderReply, renderUsage, type SlackMessage } from './render.js';

export interface StartSlackOptions {
  config: Config;
  advisor: Advisor;
  logger: Logger;
}

export interface RunningSlack {
  stop(): Promise<void>;
  /** The HTTP port, in HTTP mode. */
  port?: number;
}

/** Starts Slack from the configuration: Socket Mode with SLACK_APP_TOKEN, otherwise HTTP on SLACK_PORT. */
export async function startSlack({ config, advisor, logger }: StartSlackOptions): Promise<RunningSlack> {
  if (!config.SLACK_BOT_TOKEN) throw new Error('SLACK_BOT_TOKEN is not set');
  const slack = createSlackApp({
    advisor,
    logger,
    botToken: config.SLACK_BOT_TOKEN,
    ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
    ...(config.SLACK_SIGNING_SECRET ? { signingSecret: config.SLACK_SIGNING_SECRET } : {}),
    port: config.SLACK_PORT,
    ...(config.SLACK_API_URL ? { clientOptions: { slackApiUrl: withTrailingSlash(config.SLACK_API_URL) } } : {}),
  });
  const { port } = await slack.start();
  const mode = config.SLACK_APP_TOKEN ? 'socket' : 'http';
  logger.info({ surface: 'slack', mode, ...(port !== undefined ? { port, path: EVENTS_PATH } : {}) }, 'Slack surface started');
  return { stop: () => slack.stop(), ...(port !== undefined ? { port } : {}) };
}

/** The Web API client appends method names to the base URL, so it must end in a slash. */
function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
