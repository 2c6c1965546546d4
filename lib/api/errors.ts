import { AppError, type ErrorCode } from '@/lib/errors';
import type { ApiErrorCode, ItemError } from '@/lib/validation/api-responses';

const statusOf: Record<ApiErrorCode, number> = {
  VALIDATION: 400, MALFORMED_JSON: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404,
  CONFLICT: 409, PAYLOAD_TOO_LARGE: 413, RATE_LIMITED: 429, INTERNAL: 500,
};

/** An error the API answers with `{ error: { code, message, details } }`; its message is safe to show. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details: ItemError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get status() {
    return statusOf[this.code];
  }
}

/** A batch (or single body) with invalid items: 400 naming each item, field and reason. */
export const invalidItems = (details: ItemError[]) =>
  new ApiError('VALIDATION', `${details.length === 1 ? 'One problem' : `${details.length} problems`} in the request; nothing was written.`, details);

/** "3.mrr" → { index: 3, field: 'mrr' }; "mrr" → { field: 'mrr' } (DAL field errors keyed by path). */
export function detailsOf(fieldErrors: Record<string, string[]> | undefined): ItemError[] {
  return Object.entries(fieldErrors ?? {}).flatMap(([key, messages]) => {
    const m = /^(\d+)(?:\.(.*))?$/.exec(key);
    const at = m ? { index: Number(m[1]), field: m[2] ?? '' } : { field: key === '_' ? '' : key };
    return messages.map((message) => ({ ...at, message }));
  });
}

// Drizzle wraps driver errors; postgres.js and PGlite both carry the SQLSTATE as `code`.
function sqlState(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

const fromApp: Record<ErrorCode, ApiErrorCode> = {
  VALIDATION: 'VALIDATION', UNAUTHENTICATED: 'UNAUTHENTICATED', FORBIDDEN: 'FORBIDDEN', NOT_FOUND: 'NOT_FOUND', CONFLICT: 'CONFLICT', RATE_LIMITED: 'RATE_LIMITED',
};

/** Any thrown value as the API's error; unknown errors are logged and answered 500 without their text. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof AppError) return new ApiError(fromApp[err.code], err.message, detailsOf(err.fieldErrors));
  const state = sqlState(err);
  // two requests raced to create the same external id (or lock each other out): retrying is safe
  if (state === '23505' || state === '40P01' || state === '40001') {
    return new ApiError('CONFLICT', 'Another request changed the same records at the same time; nothing was written. Retry the request.');
  }
  console.error('[tenure] api request failed', err);
  return new ApiError('INTERNAL', 'Something went wrong on our side; nothing was written. Retry later.');
}

/** The JSON response of an error. */
export function errorResponse(err: unknown): Response {
  const e = toApiError(err);
  return Response.json(
    { error: { code: e.code, message: e.message, details: e.details } },
    { status: e.status, headers: { 'Cache-Control': 'no-store', ...e.headers } },
  );
}
