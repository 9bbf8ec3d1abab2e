/**
 * Microsoft Teams surface (SPEC 6): botbuilder's CloudAdapter behind POST /api/messages on TEAMS_PORT.
 * Every `botbuilder` import lives in this folder, so a later move to the Microsoft 365 Agents SDK touches it alone.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { TurnContext } from 'botbuilder';
import type { Config } from '../../src/config.js';
import type { Advisor } from '../../src/dialog/advisor.js';
import type { Logger } from '../../src/log.js';
import { checkTeamsSettings, createAuthentication } from './auth.js';
import { TeamsBot } from './bot.js';
import { createRetryingHttpClient, DEFAULT_RETRY, type RetryOptions } from './connectorHttp.js';
import { describeError } from './errors.js';
import { createMessagesServer, MESSAGES_PATH, TeamsCloudAdapter } from './server.js';

export { TeamsConfigError } from './auth.js';
export type { RetryOptions } from './connectorHttp.js';

export interface StartTeamsOptions {
  config: Config;
  advisor: Advisor;
  logger: Logger;
  /** Overrides TEAMS_PORT; 0 picks a free port (tests). */
  port?: number;
  /** Listen address; all interfaces by default, as a container behind a tunnel or proxy needs. */
  host?: string;
  /** Connector retry policy for 429/5xx (tests use a short one). */
  retry?: RetryOptions;
}

export interface RunningTeams {
  port: number;
  stop(): Promise<void>;
}

const APOLOGY = 'Sorry, something went wrong on my side and I could not answer that message. Please send it again.';

function createAdapter(options: StartTeamsOptions): TeamsCloudAdapter {
  const httpClient = createRetryingHttpClient(options.retry ?? DEFAULT_RETRY);
  const adapter = new TeamsCloudAdapter(createAuthentication(options.config, httpClient));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    options.logger.error({ conversationId: context.activity.conversation?.id, error: describeError(error) }, 'Teams: turn failed');
    await context.sendActivity(APOLOGY).catch((sendError: unknown) => {
      options.logger.error({ error: describeError(sendError) }, 'Teams: could not send the apology either');
    });
  };
  return adapter;
}

/** Starts the Teams endpoint; throws TeamsConfigError when the settings are unsafe or incomplete. */
export async function startTeams(options: StartTeamsOptions): Promise<RunningTeams> {
  const { authenticated } = checkTeamsSettings(options.config, options.logger);
  const adapter = createAdapter(options);
  const bot = new TeamsBot({ advisor: options.advisor, logger: options.logger });
  const server = createMessagesServer({ adapter, logic: (context) => bot.run(context), logger: options.logger });
  server.listen(options.port ?? options.config.TEAMS_PORT, options.host);
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  options.logger.info({ port, path: MESSAGES_PATH, authenticated }, 'Teams endpoint listening');
  return {
    port,
    stop: async () => {
      // Stop accepting, let turns in flight finish, drop idle keep-alive sockets so close() can complete.
      const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      server.closeIdleConnections();
      await closed;
    },
  };
}
