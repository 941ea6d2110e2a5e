/**
 * Every API failure is a JSON body `{ error: { code, message } }` with a stable machine code, so a
 * client can branch on `code` without parsing prose (cf. Stripe's and GitHub's error objects).
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type ErrorCode =
  | 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'method_not_allowed'
  | 'payload_too_large' | 'unsupported_media_type' | 'rate_limited' | 'unprocessable'
  | 'not_implemented' | 'busy' | 'internal';

/**
 * Thrown anywhere in a handler; the app's error handler turns it into the JSON body.
 * @example throw new ApiError(404, 'not_found', 'no event "e12"')
 */
export class ApiError extends Error {
  constructor(readonly status: ContentfulStatusCode, readonly code: ErrorCode, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
    this.name = 'ApiError';
  }
}

export function errorResponse(c: Context, status: ContentfulStatusCode, code: ErrorCode, message: string, headers: Record<string, string> = {}): Response {
  for (const [k, v] of Object.entries(headers)) c.header(k, v);
  return c.json({ error: { code, message } }, status);
}
