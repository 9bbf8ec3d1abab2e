/**
 * Slack HTTP endpoint throughput and latency on loopback (autocannon), for signed app_mention events and
 * /advise commands: the advisor's Bolt app side by side with a bare Bolt app that only acknowledges.
 */
import autocannon from 'autocannon';
import { App } from '@slack/bolt';
import { createSlackApp, EVENTS_PATH } from '../adapters/slack/index.js';
import { Advisor } from '../src/dialog/advisor.js';
import type { KnowledgeBase } from '../src/knowledge/index.js';
import { createLogger } from '../src/log.js';
import { createMemoryStore } from '../src/store/memory.js';
import { BOT_USER_ID, FakeSlack, TEAM_ID } from '../test/adapters/slack/helpers/fake-slack.js';
import { signature } from '../test/adapters/slack/helpers/slack-requests.js';
import { descriptions } from './inputs.js';

const SECRET = 'bench-signing-secret';
const TOKEN = 'xoxb-bench-token';
const DURATION_SECONDS = Number(process.env.BENCH_SLACK_SECONDS ?? 5);
const CONNECTIONS = 10;

interface Run {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
}

type BodyMaker = (n: number) => { body: string; contentType: string };

const texts = descriptions(500);

const mentionBody: BodyMaker = (n) => {
  const ts = `1700000000.${String(n).padStart(6, '0')}`;
  const event = { type: 'app_mention', user: `U${n % 50}`, text: `<@${BOT_USER_ID}> ${texts[n % texts.length]}`, ts, channel: 'C0BENCH', event_ts: ts };
  const envelope = { team_id: TEAM_ID, api_app_id: 'A0APP', event, type: 'event_callback', event_id: `EvBench${n}`, event_time: 1_700_000_000, authorizations: [{ team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true }] };
  return { body: JSON.stringify(envelope), contentType: 'application/json' };
};

function adviseBody(responseUrl: string): BodyMaker {
  return (n) => {
    const form = new URLSearchParams({ command: '/advise', text: texts[n % texts.length] ?? '', user_id: `U${n % 50}`, channel_id: 'C0BENCH', team_id: TEAM_ID, response_url: responseUrl, trigger_id: `t${n}` });
    return { body: form.toString(), contentType: 'application/x-www-form-urlencoded' };
  };
}

async function load(url: string, makeBody: BodyMaker): Promise<Run> {
  let counter = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          counter += 1;
          const { body, contentType } = makeBody(counter);
          const timestamp = Math.floor(Date.now() / 1000);
          return { ...request, body, headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature(SECRET, timestamp, body) } };
        },
      },
    ],
  });
  return { requestsPerSecond: Math.round(result.requests.average), p50Ms: result.latency.p50, p99Ms: result.latency.p99, non2xx: result.non2xx };
}

async function bareBolt(fake: FakeSlack): Promise<{ url: string; stop(): Promise<void> }> {
  const app = new App({ token: TOKEN, signingSecret: SECRET, endpoints: EVENTS_PATH, tokenVerificationEnabled: false, botId: 'BBOT', botUserId: BOT_USER_ID, clientOptions: { slackApiUrl: fake.apiUrl } });
  app.event('app_mention', async () => undefined);
  app.command('/advise', async ({ ack }) => {
    await ack();
  });
  const server = await app.start(0);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${EVENTS_PATH}`,
    stop: async () => {
      await app.stop();
    },
  };
}

export async function benchSlack(knowledge: KnowledgeBase): Promise<Record<string, unknown>> {
  const fake = new FakeSlack();
  await fake.start();
  const logger = createLogger('silent');
  const advisor = new Advisor({ store: createMemoryStore(), knowledge });
  const ours = createSlackApp({ advisor, logger, botToken: TOKEN, signingSecret: SECRET, port: 0, host: '127.0.0.1', clientOptions: { slackApiUrl: fake.apiUrl } });
  const { port } = await ours.start();
  const oursUrl = `http://127.0.0.1:${port}${EVENTS_PATH}`;
  const bare = await bareBolt(fake);
  const responseUrl = fake.responseUrl('bench');
  const rows: Record<string, unknown> = { durationSeconds: DURATION_SECONDS, connections: CONNECTIONS };
  for (const [name, maker] of [['appMention', mentionBody], ['advise', adviseBody(responseUrl)]] as const) {
    const bareRun = await load(bare.url, maker);
    const oursRun = await load(oursUrl, maker);
    rows[name] = { advisor: oursRun, bareBolt: bareRun, throughputRatio: Math.round((oursRun.requestsPerSecond / Math.max(1, bareRun.requestsPerSecond)) * 100) / 100 };
  }
  await ours.stop();
  await bare.stop();
  await fake.stop();
  return rows;
}
