/**
 * `npm start`: the composition root. Starts every surface whose credentials are configured, and the
 * terminal chat when none is, so a new user sees the product working with no accounts.
 */
import 'dotenv/config';
import { ConfigError, loadConfig, slackConfigured, teamsConfigured, type Config } from '../src/config.js';
import type { Advisor } from '../src/index.js';
import { createLogger, type Logger } from '../src/log.js';
import { openAdvisor } from './compose.js';

interface RunningSurface {
  name: string;
  stop(): Promise<void>;
}

async function startServers(config: Config, advisor: Advisor, logger: Logger): Promise<RunningSurface[]> {
  const running: RunningSurface[] = [];
  if (slackConfigured(config)) {
    const { startSlack } = await import('./slack/index.js');
    const slack = await startSlack({ config, advisor, logger });
    running.push({ name: 'slack', stop: () => slack.stop() });
  }
  if (teamsConfigured(config)) {
    const { startTeams } = await import('./teams/index.js');
    const teams = await startTeams({ config, advisor, logger });
    running.push({ name: 'teams', stop: () => teams.stop() });
  }
  return running;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const servers = slackConfigured(config) || teamsConfigured(config);
  // The terminal chat owns stdout, so logs stay quiet there unless asked for.
  const logger = createLogger(servers || config.LOG_LEVEL !== 'info' ? config.LOG_LEVEL : 'warn');
  if (!servers) {
    const { runCli } = await import('./cli/main.js');
    process.exitCode = await runCli(['chat', ...process.argv.slice(2)]);
    return;
  }
  const { advisor, store } = await openAdvisor(config, logger);
  const running = await startServers(config, advisor, logger);
  logger.info({ surfaces: running.map((surface) => surface.name) }, 'advisor started');
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await Promise.allSettled(running.map((surface) => surface.stop()));
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  // Configuration problems already say what to set; anything else gets a prefix saying where it came from.
  const message = error instanceof Error ? error.message : String(error);
  const configProblem = error instanceof ConfigError || (error instanceof Error && error.name === 'TeamsConfigError');
  process.stderr.write(`${configProblem ? message : `advisor failed to start: ${message}`}\n`);
  process.exitCode = 1;
});
