import { afterEach, beforeEach, expect } from 'vitest';
/** Starts the real Slack app (HTTP receiver on a free loopback port) against the fake Web API, with logs captured. */
import { Writable } from 'node:stream';
import { createSlackApp, EVENTS_PATH, type SlackApp } from '../../../../adapters/slack/index.js';
import type { Advisor } from '../../../../src/dialog/advisor.js';
import { createLogger } from '../../../../src/log.js';
import { createMemoryStore } from '../../../../src/store/memory.js';
import type { ConversationStore } from '../../../../src/store/types.js';
import { makeAdvisor } from '../../../helpers/advisor.js';
import { messageProblems } from './block-rules.js';
import { FakeSlack } from './fake-slack.js';
import { SlackSender } from './slack-requests.js';

export const BOT_TOKEN = 'xoxb-1111-2222-secretTokenValue';
export const SIGNING_SECRET = 'test-signing-secret-8f14e45fceea167a';

export type LogEntry = Record<string, unknown> & { msg?: string; level?: number };

/** pino output, line by line, with a way to await an entry instead of sleeping. */
export class LogCapture {
  readonly lines: string[] = [];
  private waiters: { predicate: (entry: LogEntry) => boolean; resolve: (entry: LogEntry) => void }[] = [];
  readonly stream = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) this.add(line);
      done();
    },
  });

  entries(): LogEntry[] {
    return this.lines.map((line) => JSON.parse(line) as LogEntry);
  }

  text(): string {
    return this.lines.join('\n');
  }

  waitFor(predicate: (entry: LogEntry) => boolean, description: string, timeoutMs = 10_000): Promise<LogEntry> {
    const seen = this.entries().find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`log never showed ${description}; last lines:\n${this.lines.slice(-15).join('\n')}`)), timeoutMs);
      this.waiters.push({
        predicate,
        resolve: (entry) => {
          clearTimeout(timer);
          resolve(entry);
        },
      });
    });
  }

  private add(line: string): void {
    this.lines.push(line);
    const entry = JSON.parse(line) as LogEntry;
    const ready = this.waiters.filter((waiter) => waiter.predicate(entry));
    this.waiters = this.waiters.filter((waiter) => !ready.includes(waiter));
    for (const waiter of ready) waiter.resolve(entry);
  }
}

export interface Harness {
  fake: FakeSlack;
  slack: SlackApp;
  send: SlackSender;
  advisor: Advisor;
  store: ConversationStore;
  logs: LogCapture;
  close(): Promise<void>;
}

export interface HarnessOptions {
  store?: ConversationStore;
  /** Builds the advisor (e.g. with a language model); by default the deterministic one. */
  advisor?: (store: ConversationStore) => Advisor;
  /** Reuse a running fake Web API (several replicas talking to one Slack). */
  fake?: FakeSlack;
}

export async function startHarness(prepare: (fake: FakeSlack) => void = () => undefined, options: HarnessOptions = {}): Promise<Harness> {
  const ownFake = !options.fake;
  const fake = options.fake ?? new FakeSlack();
  if (ownFake) await fake.start();
  prepare(fake);
  const logs = new LogCapture();
  const logger = createLogger('debug', logs.stream);
  const store = options.store ?? createMemoryStore();
  const advisor = options.advisor ? options.advisor(store) : makeAdvisor(store);
  const slack = createSlackApp({
    advisor,
    logger,
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    port: 0,
    host: '127.0.0.1',
    clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 50 } },
  });
  const { port } = await slack.start();
  const send = new SlackSender(`http://127.0.0.1:${port}${EVENTS_PATH}`, SIGNING_SECRET);
  return {
    fake,
    slack,
    send,
    advisor,
    store,
    logs,
    async close() {
      await slack.stop();
      if (ownFake) await fake.stop();
    },
  };
}

/** Every message the bot sent (posts, updates, ephemerals, response_url replies) must be valid Block Kit. */
export function invalidMessages(fake: FakeSlack): string[] {
  const sent = fake.calls.filter((call) => call.method.startsWith('chat.') || call.method.startsWith('response_url:'));
  return sent.flatMap((call) => messageProblems(call.body).map((problem) => `${call.method}: ${problem}`));
}

/** Starts a fresh harness before each test and, after it, checks every message sent and closes it. */
export function useHarness(): { readonly current: Harness } {
  const holder: { current?: Harness } = {};
  beforeEach(async () => {
    holder.current = await startHarness();
  });
  afterEach(async () => {
    const harness = holder.current;
    if (!harness) return;
    try {
      expect(invalidMessages(harness.fake)).toEqual([]);
    } finally {
      await harness.close();
    }
  });
  return {
    get current(): Harness {
      if (!holder.current) throw new Error('harness used outside a test');
      return holder.current;
    },
  };
}
