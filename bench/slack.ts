/**
 * Slack HTTP endpoint throughput and latency on loopback (autocannon), for signed app_mention events and
 * /advise commands: the advisor's HTTP mode side by side with a bare Bolt app that only acknowledges.
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
/** Requests per measured burst: the default answer backlog, so the advisor never turns one away. */
const BURST = Number(process.env.BENCH_SLACK_BURST ?? 10_000);
const WARM_UP = 2_000;
const CONNECTIONS = Number(process.env.BENCH_SLACK_CONNECTIONS ?? 10);

interface Run {
  requests: number;
  /** 2xx responses per second over the whole burst. */
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

let counter = 0;

async function load(url: string, makeBody: BodyMaker, amount: number): Promise<Run> {
  // autocannon notices the end of a fixed-size run only at its next one-second tick, so the burst is timed
  // from its start to the last response instead.
  const started = performance.now();
  let lastResponse = started;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    amount,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          counter += 1;
          const { body, contentType } = makeBody(counter);
          const timestamp = Math.floor(Date.now() / 1000);
          return { ...request, body, headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature(SECRET, timestamp, body) } };
        },
        onResponse: () => {
          lastResponse = performance.now();
        },
      },
    ],
  });
  return { requests: result.requests.total, requestsPerSecond: Math.round((result['2xx'] / (lastResponse - started)) * 1000), p50Ms: result.latency.p50, p99Ms: result.latency.p99, non2xx: result.non2xx };
}

interface Child {
  line: string;
  /** Sends a line to the child and resolves with its next line of output. */
  ask(line: string): Promise<string>;
  stop(): Promise<void>;
}

/** Starts a bench process and resolves with its first line of output (what it listens on). */
async function startChild(script: string, args: string[]): Promise<Child> {
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/advisor-bench-profiles'] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', fileURLToPath(new URL(script, import.meta.url)), ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error(`${script} exited early`);
    return value;
  };
  const first = await next();
  return {
    line: first,
    ask: (line) => {
      child.stdin.write(`${line}\n`);
      return next();
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function startApp(mode: 'advisor' | 'bare', apiUrl: string): Promise<Child & { url: string }> {
  const child = await startChild('./slack-server.ts', [mode, apiUrl, SECRET, TOKEN]);
  const port = /^PORT (\d+)$/.exec(child.line)?.[1];
  if (!port) throw new Error(`${mode} Slack app did not report its port`);
  return { ...child, url: `http://127.0.0.1:${port}${EVENTS_PATH}` };
}

/** Milliseconds until the advisor has answered every request it accepted, and its resident size when asked. */
async function drained(app: Child): Promise<{ ms: number; rssMb: number }> {
  const [, ms = 'NaN', rssMb = 'NaN'] = /^DRAINED (\d+) (\d+)$/.exec(await app.ask('drained')) ?? [];
  return { ms: Number(ms), rssMb: Number(rssMb) };
}

/** Rounds per app and kind; each figure is the median round (a one-second burst is noisy alone). */
const ROUNDS = Number(process.env.BENCH_SLACK_ROUNDS ?? 5);

function median<T>(runs: T[], key: (run: T) => number): T {
  const sorted = [...runs].sort((a, b) => key(a) - key(b));
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (middle === undefined) throw new Error('no runs');
  return middle;
}

interface AdvisorRun extends Run {
  answeredAfterMs: number;
  answersPerSecond: number;
  rssMbAfterBurst: number;
}

function pickRun({ requests, requestsPerSecond, p50Ms, p99Ms, non2xx }: Run): Run {
  return { requests, requestsPerSecond, p50Ms, p99Ms, non2xx };
}

function pickAnswers({ answeredAfterMs, answersPerSecond, rssMbAfterBurst }: AdvisorRun) {
  return { answeredAfterMs, answersPerSecond, rssMbAfterBurst };
}

/** A burst into the advisor, timed until the answer thread has answered all of it. */
async function advisorBurst(app: Child & { url: string }, maker: BodyMaker): Promise<AdvisorRun> {
  const started = performance.now();
  const run = await load(app.url, maker, BURST);
  const backlog = await drained(app);
  // Includes up to a second of autocannon's end-of-run tick: a little pessimistic, never flattering.
  const answeredAfterMs = Math.round(performance.now() - started);
  return { ...run, answeredAfterMs, answersPerSecond: Math.round((BURST / answeredAfterMs) * 1000), rssMbAfterBurst: backlog.rssMb };
}

/**
 * Three processes: this one generates load, one runs the app under test, one the fake Web API. Each app
 * gets a warm-up burst, then measured bursts of the same size, alternating between the two apps; for the
 * advisor the clock keeps running until the answer thread has answered the whole burst.
 */
export async function benchSlack(): Promise<Record<string, unknown>> {
  const fake = await startChild('./fake-slack-server.ts', []);
  const [, apiUrl = '', responseUrl = ''] = /^API (\S+) RESPONSE (\S+)$/.exec(fake.line) ?? [];
  const ours = await startApp('advisor', apiUrl);
  const bare = await startApp('bare', apiUrl);
  const rows: Record<string, unknown> = { burst: BURST, rounds: ROUNDS, connections: CONNECTIONS };
  for (const [name, maker] of [['appMention', mentionBody], ['advise', adviseBody(responseUrl)]] as const) {
    await load(bare.url, maker, WARM_UP);
    await load(ours.url, maker, WARM_UP);
    await drained(ours);
    const bareRuns: Run[] = [];
    const ourRuns: AdvisorRun[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      bareRuns.push(await load(bare.url, maker, BURST));
      ourRuns.push(await advisorBurst(ours, maker));
    }
    const bareRun = median(bareRuns, (run) => run.requestsPerSecond);
    const oursRun = median(ourRuns, (run) => run.requestsPerSecond);
    rows[name] = {
      advisor: {
        acknowledged: { ...pickRun(oursRun), allRounds: ourRuns.map((run) => run.requestsPerSecond) },
        answered: { ...pickAnswers(median(ourRuns, (run) => run.answersPerSecond)), allRounds: ourRuns.map((run) => run.answersPerSecond) },
      },
      bareBolt: { ...bareRun, allRounds: bareRuns.map((run) => run.requestsPerSecond) },
      throughputRatio: Math.round((oursRun.requestsPerSecond / Math.max(1, bareRun.requestsPerSecond)) * 100) / 100,
    };
  }
  await Promise.all([ours.stop(), bare.stop(), fake.stop()]);
  return rows;
}
