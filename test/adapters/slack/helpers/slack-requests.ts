/**
 * Requests exactly as Slack sends them: v0 HMAC-SHA256 signatures over `v0:<timestamp>:<raw body>`, JSON
 * event_callback envelopes, form-encoded slash commands, and form-encoded `payload=` interactions.
 */
import { createHmac } from 'node:crypto';
import { TEAM_ID, BOT_USER_ID, type RecordedCall } from './fake-slack.js';

export interface SendOptions {
  /** Unix seconds; defaults to now. */
  timestamp?: number;
  /** Overrides the computed signature (to test rejection). */
  signature?: string;
  headers?: Record<string, string>;
}

export interface SlackResponse {
  status: number;
  text: string;
  elapsedMs: number;
}

export function signature(secret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

let counter = 0;

/** A fresh Slack-style ts ("1700000123.000456"), increasing. */
export function nextTs(): string {
  counter += 1;
  return `1700001${String(counter).padStart(3, '0')}.${String(counter).padStart(6, '0')}`;
}

export class SlackSender {
  constructor(
    private readonly url: string,
    private readonly secret: string,
  ) {}

  async send(rawBody: string, contentType: string, options: SendOptions = {}): Promise<SlackResponse> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const started = performance.now();
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': options.signature ?? signature(this.secret, timestamp, rawBody),
        ...options.headers,
      },
      body: rawBody,
    });
    const text = await response.text();
    return { status: response.status, text, elapsedMs: performance.now() - started };
  }

  /** An Events API delivery; `retryNum` adds Slack's redelivery headers. */
  event(event: Record<string, unknown>, options: { eventId?: string; retryNum?: number } & SendOptions = {}): Promise<SlackResponse> {
    const envelope = {
      token: 'legacy-verification-token',
      team_id: TEAM_ID,
      api_app_id: 'A0APP',
      event,
      type: 'event_callback',
      event_id: options.eventId ?? `Ev${nextTs().replace('.', '')}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ enterprise_id: null, team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false,
    };
    const retry: Record<string, string> = options.retryNum === undefined ? {} : { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' };
    return this.send(JSON.stringify(envelope), 'application/json', { ...options, headers: { ...retry, ...options.headers } });
  }

  /** A slash command, form-encoded like Slack's. */
  command(fields: { text: string; userId: string; channel: string; responseUrl: string }, options: SendOptions = {}): Promise<SlackResponse> {
    const form = new URLSearchParams({
      token: 'legacy-verification-token',
      team_id: TEAM_ID,
      team_domain: 'example',
      channel_id: fields.channel,
      channel_name: 'project-x',
      user_id: fields.userId,
      user_name: fields.userId.toLowerCase(),
      command: '/advise',
      text: fields.text,
      api_app_id: 'A0APP',
      is_enterprise_install: 'false',
      response_url: fields.responseUrl,
      trigger_id: `trigger.${nextTs()}`,
    });
    return this.send(form.toString(), 'application/x-www-form-urlencoded', options);
  }

  /** An interaction (button, shortcut): `payload=<json>`, form-encoded. */
  interaction(payload: Record<string, unknown>, options: SendOptions = {}): Promise<SlackResponse> {
    const form = new URLSearchParams({ payload: JSON.stringify(payload) });
    return this.send(form.toString(), 'application/x-www-form-urlencoded', options);
  }
}

export interface MessageFields {
  user: string;
  text: string;
  channel: string;
  ts?: string;
  threadTs?: string;
  channelType?: 'channel' | 'group' | 'im';
}

export function mentionEvent(fields: MessageFields): Record<string, unknown> {
  const ts = fields.ts ?? nextTs();
  return { type: 'app_mention', user: fields.user, text: fields.text, ts, channel: fields.channel, event_ts: ts, ...(fields.threadTs ? { thread_ts: fields.threadTs } : {}) };
}

export function messageEvent(fields: MessageFields & Record<string, unknown>): Record<string, unknown> {
  const { user, text, channel, ts = nextTs(), threadTs, channelType = 'channel', ...extra } = fields;
  return { type: 'message', user, text, ts, channel, event_ts: ts, channel_type: channelType, ...(threadTs ? { thread_ts: threadTs } : {}), ...extra };
}

export interface SlackButton {
  type: 'button';
  action_id: string;
  text: { type: 'plain_text'; text: string };
  value?: string;
}

/** Buttons of a message the bot posted, in order. */
export function buttonsOf(body: Record<string, unknown>): (SlackButton & { block_id?: string })[] {
  const blocks = (body.blocks ?? []) as { type: string; block_id?: string; elements?: SlackButton[] }[];
  return blocks.filter((block) => block.type === 'actions').flatMap((block) => (block.elements ?? []).map((element) => ({ ...element, block_id: block.block_id })));
}

export function findButton(body: Record<string, unknown>, label: string): SlackButton & { block_id?: string } {
  const found = buttonsOf(body).find((item) => item.text.text === label);
  if (!found) throw new Error(`no button "${label}" in ${buttonsOf(body).map((item) => item.text.text).join(', ')}`);
  return found;
}

/**
 * A block_actions payload for clicking `label` on a message the bot posted. `ts` is the ts Slack gave the
 * posted message (from the fake's answer); `ephemeral` for buttons on an ephemeral (response_url) message.
 */
export function clickPayload(options: {
  posted: RecordedCall;
  ts: string;
  label: string;
  user: string;
  responseUrl: string;
  ephemeral?: boolean;
}): Record<string, unknown> {
  const { posted, ts, label, user, responseUrl } = options;
  const pressed = findButton(posted.body, label);
  const channel = String(posted.body.channel ?? 'C0EPHEMERAL');
  const threadTs = typeof posted.body.thread_ts === 'string' ? posted.body.thread_ts : undefined;
  const container = options.ephemeral
    ? { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: true }
    : { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false, ...(threadTs ? { thread_ts: threadTs } : {}) };
  const message = options.ephemeral
    ? undefined
    : { type: 'message', user: BOT_USER_ID, bot_id: 'BBOT', ts, text: posted.body.text, blocks: posted.body.blocks, ...(threadTs ? { thread_ts: threadTs } : {}) };
  return {
    type: 'block_actions',
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: TEAM_ID },
    api_app_id: 'A0APP',
    token: 'legacy-verification-token',
    container,
    trigger_id: `trigger.${nextTs()}`,
    team: { id: TEAM_ID, domain: 'example' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel, name: 'project-x' },
    ...(message ? { message } : {}),
    response_url: responseUrl,
    actions: [{ type: 'button', action_id: pressed.action_id, block_id: pressed.block_id, text: pressed.text, value: pressed.value, action_ts: nextTs() }],
  };
}

export function shortcutPayload(options: { user: string; channel: string; messageTs: string; threadTs?: string; responseUrl: string }): Record<string, unknown> {
  return {
    type: 'message_action',
    callback_id: 'post_decision_summary',
    trigger_id: `trigger.${nextTs()}`,
    message_ts: options.messageTs,
    response_url: options.responseUrl,
    action_ts: nextTs(),
    token: 'legacy-verification-token',
    team: { id: TEAM_ID, domain: 'example' },
    user: { id: options.user, name: options.user.toLowerCase(), team_id: TEAM_ID },
    channel: { id: options.channel, name: 'project-x' },
    message: { type: 'message', user: 'U0OTHER', ts: options.messageTs, text: 'some message', ...(options.threadTs ? { thread_ts: options.threadTs } : {}) },
    is_enterprise_install: false,
  };
}
