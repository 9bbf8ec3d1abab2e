import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMAND } from '../../../adapters/slack/command.js';
import { EVENTS_PATH, startSlack, type RunningSlack } from '../../../adapters/slack/index.js';
import { SUMMARY_SHORTCUT } from '../../../adapters/slack/values.js';
import { loadConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/log.js';
import { makeAdvisor } from '../../helpers/advisor.js';
import { freePort } from '../../helpers/ports.js';
import { tempDir } from '../../helpers/tempDir.js';
import { BOT_USER_ID, FakeSlack, TEAM_ID } from './helpers/fake-slack.js';
import { FakeSocketMode } from './helpers/fake-socket-mode.js';
import { BOT_TOKEN, LogCapture, SIGNING_SECRET } from './helpers/harness.js';
import { mentionEvent, nextTs, SlackSender } from './helpers/slack-requests.js';

interface Manifest {
  features: {
    slash_commands: { command: string; url?: string }[];
    shortcuts: { type: string; callback_id: string; name: string }[];
    bot_user: { display_name: string };
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url?: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url?: string };
    socket_mode_enabled: boolean;
  };
}

function readManifest(path: string): Manifest {
  return JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as Manifest;
}

function tempDb(): string {
  return join(tempDir('advisor-slack-start'), 'advisor.db');
}

describe('startSlack', () => {
  let running: RunningSlack | undefined;
  const fake = new FakeSlack();

  afterEach(async () => {
    await running?.stop();
    await fake.stop();
  });

  it('starts HTTP mode from the configuration, with SLACK_API_URL as the Web API base', async () => {
    await fake.start();
    const port = await freePort();
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_PORT: String(port), SLACK_API_URL: fake.apiUrl.replace(/\/$/, ''), ADVISOR_DB: tempDb() });
    const logs = new LogCapture();
    running = await startSlack({ config, advisor: makeAdvisor(), logger: createLogger('info', logs.stream) });
    expect(running.port).toBe(port);
    await fake.waitFor((call) => call.method === 'auth.test', 'auth.test at start');
    expect(logs.entries().find((entry) => entry.msg === 'Slack surface started')).toMatchObject({ mode: 'http', port, path: EVENTS_PATH });

    const ts = nextTs();
    const sender = new SlackSender(`http://127.0.0.1:${port}${EVENTS_PATH}`, SIGNING_SECRET);
    expect((await sender.event(mentionEvent({ user: 'U0DANA', channel: 'C0PROJ', ts, text: `<@${BOT_USER_ID}> help` }))).status).toBe(200);
    const reply = await fake.waitForDelivered('chat.postMessage', (body) => body.thread_ts === ts);
    expect(String(reply.body.text)).toContain('I help your team choose');
    expect(logs.text()).not.toContain(BOT_TOKEN);
    expect(logs.text()).not.toContain(SIGNING_SECRET);
  });
});

describe('startSlack with a bad token', () => {
  const fake = new FakeSlack();

  afterEach(async () => {
    await fake.stop();
  });

  it('stops with a clear error naming the setting, without the token', async () => {
    await fake.start();
    fake.script('auth.test', { status: 200, body: { ok: false, error: 'invalid_auth' } });
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_PORT: String(await freePort()), SLACK_API_URL: fake.apiUrl, ADVISOR_DB: tempDb() });
    const failure = await startSlack({ config, advisor: makeAdvisor(), logger: createLogger('silent') }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/SLACK_BOT_TOKEN.*invalid_auth/);
    expect((failure as Error).message).not.toContain(BOT_TOKEN);
  });
});

describe('startSlack in Socket Mode', () => {
  const APP_TOKEN = 'xapp-1-A0APP-1234-socketModeSecretValue';
  let running: RunningSlack | undefined;
  const fake = new FakeSlack();
  let socket: FakeSocketMode | undefined;

  afterEach(async () => {
    await running?.stop();
    socket?.close();
    await fake.stop();
  });

  it('connects with SLACK_APP_TOKEN instead of listening, and answers events and /advise over the socket', async () => {
    await fake.start();
    socket = new FakeSocketMode(fake);
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: fake.apiUrl });
    const logs = new LogCapture();
    running = await startSlack({ config, advisor: makeAdvisor(), logger: createLogger('debug', logs.stream) });
    expect(running.port).toBeUndefined();
    const open = await fake.waitFor((call) => call.method === 'apps.connections.open', 'apps.connections.open');
    expect(open.authorization).toBe(`Bearer ${APP_TOKEN}`);
    await socket.whenConnected();

    const ts = nextTs();
    const event = mentionEvent({ user: 'U0DANA', channel: 'C0PROJ', ts, text: `<@${BOT_USER_ID}> a support bot answering questions from our internal docs, which change weekly` });
    const payload = { type: 'event_callback', team_id: TEAM_ID, api_app_id: 'A0APP', event_id: 'Ev0SOCKET', event_time: 1, event, authorizations: [{ team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true }] };
    expect(await socket.deliver({ envelope_id: 'env-event', type: 'events_api', payload })).toMatchObject({ envelope_id: 'env-event' });
    const reply = await fake.waitForDelivered('chat.postMessage', (body) => body.thread_ts === ts);
    expect(String(reply.body.text)).toContain('Knowledge the model lacks');

    const command = { command: '/advise', text: 'help', user_id: 'U0DANA', channel_id: 'C0PROJ', team_id: TEAM_ID, response_url: fake.responseUrl('socket'), trigger_id: 't.1', api_app_id: 'A0APP' };
    expect(await socket.deliver({ envelope_id: 'env-command', type: 'slash_commands', payload: command })).toMatchObject({ envelope_id: 'env-command' });
    const usage = await fake.waitFor((call) => call.method === 'response_url:socket', 'the /advise usage');
    expect(usage.body.response_type).toBe('ephemeral');
    expect(logs.text()).not.toContain(APP_TOKEN);
    expect(logs.text()).not.toContain(BOT_TOKEN);
  });
});

describe('Slack app manifests', () => {
  const http = readManifest('../../../manifest.json');
  const socket = readManifest('../../../adapters/slack/manifest.socket.json');

  it.each([
    ['manifest.json', http],
    ['manifest.socket.json', socket],
  ])('%s declares what the adapter handles', (_name, manifest) => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['app_mention', 'message.im', 'message.channels', 'message.groups']));
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['app_mentions:read', 'chat:write', 'commands', 'im:history', 'channels:history', 'groups:history']));
    expect(manifest.features.slash_commands.map((command) => command.command)).toEqual([COMMAND]);
    expect(manifest.features.shortcuts).toEqual([expect.objectContaining({ type: 'message', callback_id: SUMMARY_SHORTCUT, name: 'Post decision summary' })]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('points every HTTP request URL at the events endpoint, and keeps Socket Mode off there', () => {
    const urls = [http.settings.event_subscriptions.request_url, http.settings.interactivity.request_url, http.features.slash_commands[0]?.url];
    for (const url of urls) expect(new URL(url ?? '').pathname).toBe(EVENTS_PATH);
    expect(http.settings.socket_mode_enabled).toBe(false);
  });

  it('the Socket Mode variant needs no public URL', () => {
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(socket)).not.toContain('https://');
  });
});
