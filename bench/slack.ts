/**
 * Slack HTTP endpoint throughput and latency on loopback (autocannon), for signed app_mention events and
 * /advise commands: the advisor's Bolt app side by side with a bare Bolt app that only acknowledges.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { EVENTS_PATH } from '../adapters/slack/index.js';
import { BOT_USER_ID, TEAM_ID } from '../test/adapters/slack/helpers/fake-slack.js';
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

interface Child {
  line: string;
  stop(): Promise<void>;
}

/** Starts a bench process and resolves with its first line of output (what it listens on). */
async function startChild(script: string, args: string[]): Promise<Child> {
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/advisor-bench-profiles'] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', fileURLToPath(new URL(script, import.meta.url)), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  for await (const line of createInterface({ input: child.stdout })) {
    return {
      line,
      stop: () =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    };
  }
  throw new Error(`${script} exited before it was ready`);
}

async function startApp(mode: 'advisor' | 'bare', apiUrl: string): Promise<Child & { url: string }> {
  const child = await startChild('./slack-server.ts', [mode, apiUrl, SECRET, TOKEN]);
  const port = /^PORT (\d+)$/.exec(child.line)?.[1];
  if (!port) throw new Error(`${mode} Slack app did not report its port`);
  return { ...child, url: `http://127.0.0.1:${port}${EVENTS_PATH}` };
}

/** Three processes: this one generates load, one runs the app under test, one the fake Web API. */
export async function benchSlack(): Promise<Record<string, unknown>> {
  const fake = await startChild('./fake-slack-server.ts', []);
  const [, apiUrl = '', responseUrl = ''] = /^API (\S+) RESPONSE (\S+)$/.exec(fake.line) ?? [];
  const ours = await startApp('advisor', apiUrl);
  const bare = await startApp('bare', apiUrl);
  const rows: Record<string, unknown> = { durationSeconds: DURATION_SECONDS, connections: CONNECTIONS };
  for (const [name, maker] of [['appMention', mentionBody], ['advise', adviseBody(responseUrl)]] as const) {
    const bareRun = await load(bare.url, maker);
    const oursRun = await load(ours.url, maker);
    rows[name] = { advisor: oursRun, bareBolt: bareRun, throughputRatio: Math.round((oursRun.requestsPerSecond / Math.max(1, bareRun.requestsPerSecond)) * 100) / 100 };
  }
  await Promise.all([ours.stop(), bare.stop(), fake.stop()]);
  return rows;
}
