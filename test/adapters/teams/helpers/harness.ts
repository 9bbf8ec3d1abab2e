/** Starts the real Teams endpoint on a free loopback port against a connector stub, and posts activities to it. */
import { Writable } from 'node:stream';
import { startTeams, type RunningTeams } from '../../../../adapters/teams/index.js';
import { loadConfig, type Config } from '../../../../src/config.js';
import { createLogger, type Logger } from '../../../../src/log.js';
import { createMemoryStore } from '../../../../src/store/memory.js';
import type { ConversationStore } from '../../../../src/store/types.js';
import { makeAdvisor } from '../../../helpers/advisor.js';
import { ConnectorStub } from './connectorStub.js';

export const BOT_ID = '28:advisor-bot';
export const BOT_NAME = 'Advisor';

/** Collects pino's JSON lines so tests can read what was logged. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    callback();
  }
  get text(): string {
    return this.lines.join('\n');
  }
  entries(): { level: number; msg: string; [key: string]: unknown }[] {
    return this.lines.map((line) => JSON.parse(line) as { level: number; msg: string });
  }
}

export interface Harness {
  stub: ConnectorStub;
  teams: RunningTeams;
  logs: LogCapture;
  logger: Logger;
  advisor: ReturnType<typeof makeAdvisor>;
  post(activity: object, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ TEAMS_ALLOW_UNAUTHENTICATED: 'true', LOG_LEVEL: 'debug', ...env });
}

export async function startHarness(env: Record<string, string> = {}, store: ConversationStore = createMemoryStore()): Promise<Harness> {
  const stub = await new ConnectorStub().start();
  const logs = new LogCapture();
  const logger = createLogger('debug', logs);
  const advisor = makeAdvisor(store);
  const teams = await startTeams({ config: testConfig(env), advisor, logger, port: 0, host: '127.0.0.1', retry: { retries: 2, baseDelayMs: 5, maxDelayMs: 20 } });
  const post = (activity: object, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${teams.port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) });
  return {
    stub,
    teams,
    logs,
    logger,
    advisor,
    post,
    close: async () => {
      await teams.stop();
      await stub.stop();
    },
  };
}

let sequence = 0;

interface From {
  id: string;
  name: string;
  aadObjectId: string;
}

export const DANA: From = { id: '29:dana', name: 'Dana Reyes', aadObjectId: '00000000-0000-0000-0000-0000000000d1' };
export const LEE: From = { id: '29:lee', name: 'Lee Park', aadObjectId: '00000000-0000-0000-0000-0000000000e2' };

interface ActivityOptions {
  serviceUrl: string;
  from?: From;
  text?: string;
  value?: unknown;
  id?: string;
}

function baseActivity(options: ActivityOptions, conversation: Record<string, unknown>) {
  sequence += 1;
  return {
    type: 'message',
    id: options.id ?? `msg-${sequence}`,
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    timestamp: new Date().toISOString(),
    from: options.from ?? DANA,
    recipient: { id: BOT_ID, name: BOT_NAME },
    conversation,
    ...(options.text !== undefined ? { text: options.text } : {}),
    ...(options.value !== undefined ? { value: options.value } : {}),
    channelData: { tenant: { id: 'tenant-1' } },
  };
}

export function personalMessage(options: ActivityOptions & { conversationId?: string }) {
  return baseActivity(options, { id: options.conversationId ?? 'a:personal-dana', conversationType: 'personal', tenantId: 'tenant-1' });
}

/** A message in a channel thread that @mentions the bot, as Teams delivers it. */
export function channelMention(options: ActivityOptions & { threadId: string }) {
  const mention = `<at>${BOT_NAME}</at>`;
  const activity = baseActivity(
    { ...options, text: `${mention} ${options.text ?? ''}` },
    { id: `19:team-channel@thread.tacv2;messageid=${options.threadId}`, conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' },
  );
  return {
    ...activity,
    entities: [{ type: 'mention', text: mention, mentioned: { id: BOT_ID, name: BOT_NAME } }],
    channelData: { tenant: { id: 'tenant-1' }, teamsChannelId: '19:team-channel@thread.tacv2', channel: { id: '19:team-channel@thread.tacv2' }, team: { id: '19:team@thread.tacv2' } },
  };
}

/** A card button press in a channel thread: Teams sends the submit data as `value`, with no mention. */
export function channelSubmit(options: ActivityOptions & { threadId: string }) {
  return baseActivity(options, { id: `19:team-channel@thread.tacv2;messageid=${options.threadId}`, conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' });
}
