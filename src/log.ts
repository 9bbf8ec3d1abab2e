import { pino, type Logger } from 'pino';

export type { Logger };

/** Paths pino blanks out wherever they occur in a log object. */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'headers["x-slack-signature"]',
  '*.headers["x-slack-signature"]',
  'password',
  '*.password',
  'secret',
  '*.secret',
  'apiKey',
  '*.apiKey',
  'config.SLACK_BOT_TOKEN',
  'config.SLACK_SIGNING_SECRET',
  'config.SLACK_APP_TOKEN',
  'config.MicrosoftAppPassword',
  'config.OPENAI_API_KEY',
];

const SECRET_PATTERN = /\b(xox[abposr]-[\w-]+|xapp-[\w-]+|sk-[\w-]{8,}|Bearer\s+[\w.~+/=-]+)/g;

/** Masks token-shaped strings inside free text (error messages, URLs) before they are logged. */
export function maskSecrets(text: string): string {
  return text.replace(SECRET_PATTERN, (match) => `${match.slice(0, 4)}…[redacted]`);
}

export function createLogger(level = 'info', destination?: NodeJS.WritableStream): Logger {
  const options = {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    hooks: {
      logMethod(this: Logger, args: Parameters<Logger['info']>, method: (...a: Parameters<Logger['info']>) => void) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? maskSecrets(arg) : arg)) as Parameters<Logger['info']>);
      },
    },
    serializers: {
      err: (error: unknown) => {
        const serialized = pino.stdSerializers.err(error as Error);
        return { ...serialized, message: maskSecrets(serialized.message ?? ''), stack: maskSecrets(serialized.stack ?? '') };
      },
    },
  };
  return destination ? pino(options, destination as pino.DestinationStream) : pino(options, pino.destination(2));
}
