import { maskSecrets } from '../../src/log.js';

/**
 * The parts of an error that are safe to log. Azure and botbuilder errors carry the outgoing request, whose
 * headers hold the bearer token, so the error object itself is never handed to the logger.
 */
export function describeError(error: unknown): { name: string; message: string; status?: number; code?: string } {
  if (!(error instanceof Error)) return { name: 'NonError', message: maskSecrets(String(error)) };
  const fields: { name: string; message: string; status?: number; code?: string } = { name: error.name, message: maskSecrets(error.message) };
  const extra = error as Error & { status?: unknown; statusCode?: unknown; code?: unknown };
  const status = typeof extra.status === 'number' ? extra.status : typeof extra.statusCode === 'number' ? extra.statusCode : undefined;
  if (status !== undefined) fields.status = status;
  if (typeof extra.code === 'string') fields.code = extra.code;
  return fields;
}

/** botbuilder's AuthenticationError carries statusCode 401 (it is not re-exported by `botbuilder`). */
export function isAuthenticationFailure(error: unknown): boolean {
  return error instanceof Error && (error as Error & { statusCode?: unknown }).statusCode === 401;
}
