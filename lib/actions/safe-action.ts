import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import type { Role } from '@/db/schema';
import { resolveTenant } from '@/lib/auth/tenant';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { AppError, type ErrorCode } from '@/lib/errors';
import { queueAfterCommit } from '@/lib/notifications/after-commit';

export type ActionResult<T = unknown> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode | 'INTERNAL'; message: string; fieldErrors?: Record<string, string[]> };

export type FormState<T = unknown> = ActionResult<T> | null;

function formToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION')) continue;
    out[key] = value;
  }
  return out;
}

function fail(err: unknown): ActionResult<never> {
  unstable_rethrow(err); // redirect() and notFound() pass through
  if (err instanceof z.ZodError) {
    return { ok: false, code: 'VALIDATION', message: 'Check the highlighted fields.', fieldErrors: z.flattenError(err).fieldErrors as Record<string, string[]> };
  }
  if (err instanceof AppError) return { ok: false, code: err.code, message: err.message, fieldErrors: err.fieldErrors };
  console.error('[tenure] action failed', err);
  return { ok: false, code: 'INTERNAL', message: 'Something went wrong. Please try again.' };
}

/**
 * A server action bound to an org slug: checks the session and membership itself (actions are
 * public endpoints), then the role, then parses the form with zod, then runs.
 * Use as `action.bind(null, orgSlug)` with useActionState.
 */
export function tenantAction<S extends z.ZodType, T>(
  schema: S,
  run: (ctx: TenantCtx, input: z.infer<S>) => Promise<T>,
  opts: { minRole?: Role } = {},
) {
  return async (orgSlug: unknown, _prev: FormState<T>, formData: FormData): Promise<ActionResult<T>> => {
    try {
      if (typeof orgSlug !== 'string') throw new AppError('NOT_FOUND', 'Not found.');
      const ctx = await resolveTenant(orgSlug, opts.minRole ?? 'viewer');
      const input = schema.parse(formToObject(formData));
      return { ok: true, data: await queueAfterCommit(() => run(ctx, input)) };
    } catch (err) {
      return fail(err);
    }
  };
}

/** A server action with no session (sign-up, password reset): zod parse, run, map errors. */
export function publicAction<S extends z.ZodType, T>(schema: S, run: (input: z.infer<S>) => Promise<T>) {
  return async (_prev: FormState<T>, formData: FormData): Promise<ActionResult<T>> => {
    try {
      return { ok: true, data: await run(schema.parse(formToObject(formData))) };
    } catch (err) {
      return fail(err);
    }
  };
}
