/**
 * One Slack app under load, in its own process so the load generator and the fake Web API do not share
 * its event loop: `advisor` (the product's HTTP mode as `npm start` runs it: the front, the answer thread,
 * a SQLite store) or `bare` (Bolt acknowledging and doing nothing). Prints `PORT <n>` when listening.
 * On a `drained` line from stdin it prints `DRAINED <ms> <rss MB when asked>` once every accepted request is answered.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { App } from '@slack/bolt';
import { EVENTS_PATH, startSlack } from '../adapters/slack/index.js';
import { loadConfig } from '../src/config.js';
import { createAdvisor, createMemoryStore } from '../src/index.js';
import { createLogger } from '../src/log.js';
import type { AnswerThread } from '../adapters/slack/answer-thread.js';
import { freePort } from '../test/helpers/ports.js';

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

async function startAdvisor(): Promise<{ port: number; answers: AnswerThread | undefined }> {
  const workdir = mkdtempSync(join(tmpdir(), 'advisor-bench-slack-'));
  process.once('exit', () => rmSync(workdir, { recursive: true, force: true }));
  const db = join(workdir, 'advisor.db');
  const config = loadConfig({ SLACK_BOT_TOKEN: token, SLACK_SIGNING_SECRET: secret, SLACK_PORT: String(await freePort()), SLACK_API_URL: apiUrl, ADVISOR_DB: db, LOG_LEVEL: 'silent' });
  const running = await startSlack({ config, advisor: await createAdvisor({ store: createMemoryStore() }), logger: createLogger('silent') });
  return { port: running.port ?? 0, answers: running.answers };
}

const started = mode === 'bare' ? { port: await startBare(), answers: undefined } : await startAdvisor();
// Exit normally on SIGTERM, so --cpu-prof can write its profile.
process.once('SIGTERM', () => process.exit(0));
process.stdout.write(`PORT ${started.port}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  if (line !== 'drained') continue;
  const since = performance.now();
  const rssMb = Math.round(process.memoryUsage().rss / 1e6);
  await started.answers?.idle(600_000);
  process.stdout.write(`DRAINED ${Math.round(performance.now() - since)} ${rssMb}\n`);
}
