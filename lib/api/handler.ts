import 'server-only';
import type { Tx } from '@/db';
import { authenticate, limitRate } from './auth';
import { readBodyText, parseJson } from './body';
import type { ApiKeyCtx } from './context';
import { ApiError, errorResponse } from './errors';
import { idempotencyKeyOf, requestHash, runWrite, type Reply } from './idempotency';
import { queueAfterCommit } from '@/lib/notifications/after-commit';

type RouteContext<P> = { params: Promise<P> };

const json = (reply: Reply, headers: Record<string, string> = {}) =>
  Response.json(reply.body, { status: reply.status, headers: { 'Cache-Control': 'no-store', ...headers } });

/** `?partial=true` lets a batch write its valid items; anything but true/false is a 400. */
function partialOf(url: URL): boolean {
  const v = url.searchParams.get('partial');
  if (v === null || v === 'false') return false;
  if (v === 'true') return true;
  throw new ApiError('VALIDATION', 'The partial parameter is true or false.', [{ field: 'partial', message: 'Use partial=true or partial=false.' }]);
}

/**
 * A read route: API key (401), rate limit (429), run, JSON. Every failure becomes
 * `{ error: { code, message, details } }` with its status; nothing else reaches the client.
 */
export function apiRead<P>(run: (ctx: ApiKeyCtx, url: URL, params: P) => Promise<Reply>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const ctx = await authenticate(request);
      await limitRate(ctx);
      return json(await run(ctx, new URL(request.url), await context.params));
    } catch (err) {
      return errorResponse(err);
    }
  };
}

export type WriteInput<P> = { body: unknown; params: P; partial: boolean };

/**
 * A write route: API key, rate limit, the body (5 MB cap → 413; not JSON → 400), `parse` outside the
 * transaction (zod, per item), then `write` in ONE transaction together with the Idempotency-Key
 * record (lib/api/idempotency.ts). A replayed answer carries `Idempotent-Replayed: true`.
 */
export function apiWrite<P, T>(parse: (input: WriteInput<P>) => T, write: (ctx: ApiKeyCtx, tx: Tx, parsed: T) => Promise<Reply>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const ctx = await authenticate(request);
      if (ctx.access === 'read') throw new ApiError('FORBIDDEN', 'This API key can only read. An admin can create a read and write key under Settings → API keys.');
      await limitRate(ctx);
      const url = new URL(request.url);
      const key = idempotencyKeyOf(request);
      const partial = partialOf(url);
      const text = await readBodyText(request);
      const parsed = parse({ body: parseJson(text), params: await context.params, partial });
      const reply = await queueAfterCommit(() => runWrite(ctx, key, requestHash(request.method, request.url, text), (tx) => write(ctx, tx, parsed)));
      return json(reply, reply.replayed ? { 'Idempotent-Replayed': 'true' } : {});
    } catch (err) {
      return errorResponse(err);
    }
  };
}
