import 'server-only';
import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { db, type Database, type Tx } from '@/db';
import { idempotencyKeys } from '@/db/schema';
import type { ApiKeyCtx } from './context';
import { ApiError } from './errors';

export type Reply = { status: number; body: unknown };

/** What makes two requests "the same": method, path with query, and the exact body. */
export const requestHash = (method: string, url: string, body: string) => {
  const u = new URL(url);
  return crypto.createHash('sha256').update(`${method}\n${u.pathname}${u.search}\n`).update(body).digest('hex');
};

const KEY = /^[\x21-\x7e]{1,200}$/;

/** How long a key is remembered: a repeat after that is a new request (as Stripe does). */
export const KEY_TTL_HOURS = 24;
const fresh = sql`${idempotencyKeys.createdAt} > now() - make_interval(hours => ${KEY_TTL_HOURS})`;

/** The Idempotency-Key header, if any: 1-200 visible ASCII characters (a UUID is typical). */
export function idempotencyKeyOf(request: Request): string | null {
  const key = request.headers.get('idempotency-key');
  if (key === null) return null;
  if (!KEY.test(key)) throw new ApiError('VALIDATION', 'The Idempotency-Key header must be 1-200 visible ASCII characters.', [{ field: 'Idempotency-Key', message: 'Use 1-200 visible ASCII characters, e.g. a UUID.' }]);
  return key;
}

/**
 * Runs a write in one transaction. With an Idempotency-Key, the first successful answer is stored in
 * the same transaction as the write, so a repeat of the same request returns it without writing again,
 * and the same key with another request is a 409, for KEY_TTL_HOURS. Repeats wait for a first request still
 * running (an advisory lock per key). Failed requests store nothing: the client may fix the body and reuse the key.
 */
export async function runWrite(ctx: ApiKeyCtx, key: string | null, hash: string, write: (tx: Tx) => Promise<Reply>): Promise<Reply & { replayed: boolean }> {
  return db.transaction(async (tx) => {
    if (key === null) return { ...(await write(tx)), replayed: false };
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`tenure:idempotency:${ctx.apiKeyId}:${key}`}, 0))`);
    const mine = and(eq(idempotencyKeys.orgId, ctx.orgId), eq(idempotencyKeys.apiKeyId, ctx.apiKeyId), eq(idempotencyKeys.key, key));
    // an expired record (the purge has not run yet) is forgotten, so the key is free again
    await tx.delete(idempotencyKeys).where(and(mine, sql`not (${fresh})`));
    const [seen] = await tx.select({ requestHash: idempotencyKeys.requestHash, status: idempotencyKeys.status, response: idempotencyKeys.response }).from(idempotencyKeys).where(mine);
    if (seen) {
      if (seen.requestHash !== hash) {
        throw new ApiError('CONFLICT', 'This Idempotency-Key was already used with a different request. Use a new key for a new request.', [{ field: 'Idempotency-Key', message: 'Already used with another body or path.' }]);
      }
      return { status: seen.status, body: seen.response, replayed: true };
    }
    const reply = await write(tx);
    await tx.insert(idempotencyKeys).values({ orgId: ctx.orgId, apiKeyId: ctx.apiKeyId, key, requestHash: hash, status: reply.status, response: reply.body as object });
    return { ...reply, replayed: false };
  });
}

/** Deletes every org's expired keys (the background sweep, once a tick); returns how many. */
export async function purgeIdempotencyKeys(database: Database): Promise<number> {
  const gone = await database.delete(idempotencyKeys).where(sql`not (${fresh})`).returning({ key: idempotencyKeys.key });
  return gone.length;
}
