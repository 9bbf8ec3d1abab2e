/**
 * One Slack app under load, in its own process so the load generator and the fake Web API do not share
 * its CPU: `advisor` (the real adapter and core) or `bare` (Bolt acknowledging and doing nothing).
 * Prints `PORT <n>` when listening.
 */
import { App } from '@slack/bolt';
import { createSlackApp, EVENTS_PATH } from '../adapters/slack/index.js';
import { createAdvisor, createMemoryStore } from '../src/index.js';
import { createLogger } from '../src/log.js';

const [mode = 'advisor', apiUrl = '', secret = '', token = ''] = process.argv.slice(2);

async function startBare(): Promise<number> {
  const app = new App({ token, signingSecret: secret, endpoints: EVENTS_PATH, tokenVerificationEnabled: false, botId: 'BBOT', botUserId: 'UBOT', clientOptions: { slackApiUrl: apiUrl } });
  app.event('app_mention', async () => undefined);
  app.command('/advise', async ({ ack }) => {
    await ack();
  });
  const server = await app.start(0);
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

async function startAdvisor(): Promise<number> {
  const advisor = await createAdvisor({ store: createMemoryStore() });
  const slack = createSlackApp({ advisor, logger: createLogger('silent'), botToken: token, signingSecret: secret, port: 0, host: '127.0.0.1', clientOptions: { slackApiUrl: apiUrl } });
  const { port } = await slack.start();
  return port ?? 0;
}

const port = mode === 'bare' ? await startBare() : await startAdvisor();
process.stdout.write(`PORT ${port}\n`);
// Exit normally on SIGTERM, so --cpu-prof can write its profile.
process.once('SIGTERM', () => process.exit(0));
