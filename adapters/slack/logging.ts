/** Logging for the Slack surface: Bolt and the Web API client log through the product's pino logger, masked. */
import { inspect } from 'node:util';
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import { maskSecrets, type Logger } from '../../src/log.js';

const BOLT_LEVEL: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

export function boltLevel(logger: Logger): LogLevel {
  return BOLT_LEVEL[logger.level] ?? LogLevel.INFO;
}

/** Bolt logs with several loose arguments; one masked line keeps tokens out of whatever they hold. */
function line(args: unknown[]): string {
  const parts = args.map((arg) => (typeof arg === 'string' ? arg : arg instanceof Error ? arg.message : inspect(arg, { depth: 3, breakLength: Infinity })));
  return maskSecrets(parts.join(' '));
}

/** Bolt's Logger interface over pino. Levels stay pino's: Bolt must not change a logger the whole product shares. */
export function boltLogger(logger: Logger): BoltLogger {
  let name = 'bolt';
  const child = logger.child({ component: 'slack' });
  return {
    debug: (...args: unknown[]) => child.debug({ source: name }, line(args)),
    info: (...args: unknown[]) => child.info({ source: name }, line(args)),
    warn: (...args: unknown[]) => child.warn({ source: name }, line(args)),
    error: (...args: unknown[]) => child.error({ source: name }, line(args)),
    setLevel: () => undefined,
    getLevel: () => boltLevel(logger),
    setName: (value: string) => {
      name = value;
    },
  };
}

export interface SafeError {
  message: string;
  code?: string;
  status?: number;
  slackError?: string;
}

/**
 * The parts of an error worth logging, masked. Web API errors carry response headers and bodies that a
 * proxy may have filled with the request (token included), so they are never logged whole.
 */
export function safeError(error: unknown): SafeError {
  if (!(error instanceof Error)) return { message: maskSecrets(String(error)) };
  const fields = error as Error & { code?: unknown; statusCode?: unknown; data?: { error?: unknown } };
  return {
    message: maskSecrets(error.message),
    ...(typeof fields.code === 'string' ? { code: fields.code } : {}),
    ...(typeof fields.statusCode === 'number' ? { status: fields.statusCode } : {}),
    ...(typeof fields.data?.error === 'string' ? { slackError: fields.data.error } : {}),
  };
}
