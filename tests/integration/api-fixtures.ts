import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { z } from 'zod';
import { db } from '@/db';
import { auditLog } from '@/db/schema';
import { createApiKey } from '@/lib/dal/api-keys';
import { makeOrg } from './fixtures';

/** An org (owner, admin, csm, viewer) with one API key created by its admin. */
export async function orgWithKey() {
  const org = await makeOrg();
  const key = await createApiKey(await org.ctx('admin'), { name: 'CRM sync' });
  return { ...org, key };
}

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export type CallOptions = { key?: string | null; body?: unknown; raw?: string; headers?: Record<string, string>; query?: string };

/** Calls a route handler in-process as Next would, with the key as bearer token; returns status, headers and JSON. */
export async function call<P>(handler: Handler<P>, method: string, path: string, params: P, opts: CallOptions = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...opts.headers };
  if (opts.key !== null && opts.key !== undefined) headers.authorization = `Bearer ${opts.key}`;
  const body = opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  const url = `http://localhost/api/v1${path}${opts.query ? `?${opts.query}` : ''}`;
  const res = await handler(new Request(url, { method, headers, body }), { params: Promise.resolve(params) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : null };
}

/** Parses a response body with the zod schema the OpenAPI document was generated from (contract check). */
export function matches<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const r = schema.safeParse(body);
  if (!r.success) throw new Error(`response does not match its schema: ${JSON.stringify(r.error.issues)}\n${JSON.stringify(body).slice(0, 500)}`);
  return r.data;
}

/** The org's audit entries of this action, with their actor. */
export async function auditOf(orgId: string, action: string) {
  return db.select().from(auditLog).where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, action))).orderBy(auditLog.createdAt);
}

/** Asserts an error body of the API's shape with this code, and returns its details. */
export function expectError(res: { status: number; json: unknown }, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = res.json as { error: { code: string; message: string; details: unknown[] } };
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  return body.error.details;
}
