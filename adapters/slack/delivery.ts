/**
 * Sending to Slack. The Web API client retries rate limits and server errors itself; when a call still
 * fails, the failure is logged (masked) and reported to the caller as `null`/`false`, never thrown: the
 * conversation state was saved before anything is sent, so a lost reply never loses the conversation.
 */
import type { RespondFn, webApi } from '@slack/bolt';
import type { Logger } from '../../src/log.js';
import { safeError } from './logging.js';
import type { SlackMessage } from './render.js';

export type WebClient = webApi.WebClient;

export interface Place {
  channel: string;
  /** Thread root; absent for a top-level channel message. */
  threadTs?: string;
}

export interface Delivery {
  /** Posts a message; returns its ts, or null when Slack could not be reached. */
  post(place: Place, message: SlackMessage): Promise<string | null>;
  /** Shows a message to one person only. */
  ephemeral(place: Place, userId: string, message: SlackMessage): Promise<boolean>;
  update(channel: string, ts: string, message: SlackMessage): Promise<boolean>;
}

export function createDelivery(client: WebClient, logger: Logger): Delivery {
  const failed = (what: string, place: Place, error: unknown) => {
    logger.error({ error: safeError(error), channel: place.channel, threadTs: place.threadTs }, `Slack ${what} failed`);
  };
  return {
    async post(place, message) {
      try {
        const result = await client.chat.postMessage({ channel: place.channel, ...thread(place), text: message.text, blocks: message.blocks });
        return result.ts ?? null;
      } catch (error) {
        failed('chat.postMessage', place, error);
        return null;
      }
    },
    async ephemeral(place, userId, message) {
      try {
        await client.chat.postEphemeral({ channel: place.channel, user: userId, ...thread(place), text: message.text, blocks: message.blocks });
        return true;
      } catch (error) {
        failed('chat.postEphemeral', place, error);
        return false;
      }
    },
    async update(channel, ts, message) {
      try {
        await client.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
        return true;
      } catch (error) {
        failed('chat.update', { channel }, error);
        return false;
      }
    },
  };
}

/** Replies through a response_url (slash commands, ephemeral messages); false when it failed. */
export async function respondSafely(respond: RespondFn, logger: Logger, message: Parameters<RespondFn>[0]): Promise<boolean> {
  try {
    await respond(message);
    return true;
  } catch (error) {
    logger.error({ error: safeError(error) }, 'Slack response_url reply failed');
    return false;
  }
}

function thread(place: Place): { thread_ts?: string } {
  return place.threadTs ? { thread_ts: place.threadTs } : {};
}
