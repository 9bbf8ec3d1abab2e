/**
 * The answer thread, seen from the main thread. The HTTP front acknowledges Slack at once and hands each
 * verified request here; a worker thread runs the advisor and replies through the Web API. Requests wait in
 * order; at most `window` are inside the thread at a time, so the rest stay here and survive a thread crash:
 * a thread that dies is started again and given back what it had not finished.
 */
import { Worker } from 'node:worker_threads';
import type { Config } from '../../src/config.js';
import type { Logger } from '../../src/log.js';
import type { AnswerThreadData, ForwardedRequest, FromAnswerThread, ToAnswerThread } from './answer-protocol.js';
import { safeError } from './logging.js';

const BOOT = new URL('./answer-thread-boot.mjs', import.meta.url);

export interface AnswerThreadOptions {
  config: Config;
  logger: Logger;
  /** Requests accepted but not yet answered, beyond which the front turns new ones away. */
  capacity: number;
  /** How long `stop` waits for accepted requests to be answered. */
  drainMs?: number;
}

/** A request that crashed the thread this many times is dropped, so one bad request cannot loop forever. */
const MAX_ATTEMPTS = 2;
const RESTART_DELAYS_MS = [0, 500, 2000, 5000, 15000];
/** Requests inside the thread at once; the rest wait here, where a crash cannot lose them. */
const WINDOW = 64;
/** Answering yields the CPU to acknowledging when both want it (Linux niceness, per thread). */
const NICENESS = 10;

interface Pending extends Omit<ForwardedRequest, 'afterCrash'> {
  /** Threads that stopped while handling it. */
  attempts: number;
}

export class AnswerThread {
  private worker: Worker | undefined;
  /** The worker's thread is running (it may not be ready yet). */
  private running = false;
  private ready = false;
  private stopping = false;
  private nextSeq = 1;
  private readonly waiting: Pending[] = [];
  private waitingHead = 0;
  private readonly inside = new Map<number, Pending>();
  private idleWaiters: (() => void)[] = [];
  private restarts = 0;
  private readonly data: AnswerThreadData;

  private constructor(private readonly options: AnswerThreadOptions) {
    this.data = { config: options.config, logLevel: options.logger.level, niceness: NICENESS };
  }

  /** Starts the thread; rejects (with the thread's own reason, e.g. a refused token) if it cannot start. */
  static async start(options: AnswerThreadOptions): Promise<AnswerThread> {
    const thread = new AnswerThread(options);
    await thread.spawn();
    return thread;
  }

  /** Accepted requests not yet answered. */
  get backlog(): number {
    return this.waiting.length - this.waitingHead + this.inside.size;
  }

  get full(): boolean {
    return this.backlog >= this.options.capacity;
  }

  /** The worker thread, for tests that make it crash. */
  get currentWorker(): Worker | undefined {
    return this.worker;
  }

  /** Resolves once every accepted request is answered, or after `limitMs`. */
  idle(limitMs: number): Promise<void> {
    return this.backlog === 0 ? Promise.resolve() : this.drain(limitMs);
  }

  accept(request: Omit<ForwardedRequest, 'seq' | 'afterCrash'>): void {
    this.waiting.push({ ...request, seq: this.nextSeq++, attempts: 0 });
    this.pump();
  }

  /** Waits (up to drainMs) for every accepted request to be answered, then ends the thread. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.idle(this.options.drainMs ?? 10_000);
    if (this.backlog > 0) this.options.logger.warn({ unanswered: this.backlog }, 'stopping before every acknowledged Slack request was answered');
    const worker = this.worker;
    // A thread that died and could not be started again has nothing left to stop.
    if (!worker || !this.running) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    this.post({ kind: 'stop' });
    const timer = setTimeout(() => void worker.terminate(), 5000);
    await exited;
    clearTimeout(timer);
  }

  private spawn(): Promise<void> {
    const worker = new Worker(BOOT, { workerData: this.data });
    this.worker = worker;
    this.running = true;
    return new Promise((resolve, reject) => {
      worker.on('message', (message: FromAnswerThread) => {
        if (message.kind === 'ready') {
          this.ready = true;
          this.restarts = 0;
          this.resend();
          resolve();
        } else if (message.kind === 'failed') reject(new Error(message.message));
        else if (message.kind === 'done') this.finished(message.seq);
        else this.relayLog(message.line);
      });
      worker.on('error', (error) => this.options.logger.error({ error: safeError(error) }, 'Slack answer thread failed'));
      worker.once('exit', (code) => {
        const wasReady = this.ready;
        this.ready = false;
        this.running = false;
        if (!wasReady) reject(new Error(`the Slack answer thread stopped before it was ready (exit code ${code})`));
        else if (!this.stopping) this.restartAfterCrash(code);
      });
    });
  }

  private restartAfterCrash(code: number): void {
    for (const request of this.inside.values()) request.attempts += 1;
    const dropped = [...this.inside.values()].filter((request) => request.attempts >= MAX_ATTEMPTS);
    for (const request of dropped) this.inside.delete(request.seq);
    if (dropped.length > 0) this.options.logger.error({ seqs: dropped.map((request) => request.seq) }, 'dropped Slack requests that stopped the answer thread twice');
    this.options.logger.error({ exitCode: code, unfinished: this.inside.size, waiting: this.backlog - this.inside.size }, 'Slack answer thread stopped unexpectedly; starting it again');
    this.checkDrained();
    void this.restart();
  }

  private async restart(): Promise<void> {
    const delay = RESTART_DELAYS_MS[Math.min(this.restarts, RESTART_DELAYS_MS.length - 1)] ?? 0;
    this.restarts += 1;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (this.stopping) return;
    try {
      await this.spawn();
      this.options.logger.info({ backlog: this.backlog }, 'Slack answer thread running again');
    } catch (error) {
      this.options.logger.error({ error: safeError(error) }, 'Slack answer thread could not start again; retrying');
      void this.restart();
    }
  }

  /** After a restart, what the old thread had not finished goes first, in its original order. */
  private resend(): void {
    for (const request of [...this.inside.values()].sort((a, b) => a.seq - b.seq)) this.post({ kind: 'request', request: forwarded(request) });
    this.pump();
  }

  private pump(): void {
    while (this.ready && this.inside.size < WINDOW && this.waitingHead < this.waiting.length) {
      const request = this.waiting[this.waitingHead++];
      if (!request) break;
      this.inside.set(request.seq, request);
      this.post({ kind: 'request', request: forwarded(request) });
    }
    if (this.waitingHead > 1024 && this.waitingHead * 2 > this.waiting.length) {
      this.waiting.splice(0, this.waitingHead);
      this.waitingHead = 0;
    }
  }

  private finished(seq: number): void {
    this.inside.delete(seq);
    this.pump();
    this.checkDrained();
  }

  private checkDrained(): void {
    if (this.backlog > 0) return;
    for (const wake of this.idleWaiters.splice(0)) wake();
  }

  private drain(limitMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.idleWaiters = this.idleWaiters.filter((waiter) => waiter !== done);
        resolve();
      };
      const timer = setTimeout(done, limitMs);
      this.idleWaiters.push(done);
    });
  }

  private post(message: ToAnswerThread): void {
    this.worker?.postMessage(message);
  }

  /** Writes a log line from the thread through the main logger, at its own level. */
  private relayLog(line: string): void {
    let entry: Record<string, unknown>;
    try {
      entry = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return;
    }
    const { level, msg, time: _time, pid: _pid, hostname: _hostname, ...fields } = entry;
    const label = typeof level === 'number' ? this.options.logger.levels.labels[level] : undefined;
    const write = label && label in LEVEL_METHODS ? LEVEL_METHODS[label as keyof typeof LEVEL_METHODS] : 'info';
    this.options.logger[write]({ ...fields, thread: 'answers' }, typeof msg === 'string' ? msg : '');
  }
}

const LEVEL_METHODS = { trace: 'trace', debug: 'debug', info: 'info', warn: 'warn', error: 'error', fatal: 'fatal' } as const;

function forwarded({ attempts, ...request }: Pending): ForwardedRequest {
  return { ...request, afterCrash: attempts > 0 };
}
