/** What the HTTP front (main thread) and the answer thread say to each other. Both sides are this codebase. */
import type { Config } from '../../src/config.js';

/** A Slack request the front has verified and acknowledged, numbered in order of arrival. */
export interface ForwardedRequest {
  seq: number;
  body: Record<string, unknown>;
  retryNum?: number | undefined;
  retryReason?: string | undefined;
  /** The thread that had it stopped before finishing; it may have claimed the event id already. */
  afterCrash: boolean;
}

/** The context property that tells the listeners a request is being handled again after a thread crash. */
export const AFTER_CRASH = 'answerAfterCrash';

export interface AnswerThreadData {
  config: Config;
  logLevel: string;
  /** Niceness for the answer thread on Linux: answering yields the CPU to acknowledging when both want it. */
  niceness: number;
}

export type ToAnswerThread = { kind: 'request'; request: ForwardedRequest } | { kind: 'stop' };

export type FromAnswerThread =
  | { kind: 'ready' }
  | { kind: 'failed'; message: string }
  | { kind: 'done'; seq: number }
  | { kind: 'log'; line: string };
