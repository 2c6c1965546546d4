import 'server-only';
import { resolveTenant } from '@/lib/auth/tenant';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { AppError, errorStatus } from '@/lib/errors';

const plain = (message: string, status: number) => new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** A file name part from any text: lower case, dashes, at most 60 characters. */
export const fileSlug = (text: string, fallback: string) =>
  text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || fallback;

/**
 * A GET route handler that answers a CSV download. A route handler is a public endpoint, so it resolves the session
 * and the membership of the org in the URL itself (401 signed out, 404 for a non-member); `build` gets the verified
 * tenant, the URL's search params and the route params, and returns the file name (without .csv) and the CSV text.
 * AppErrors become their status with the message; anything else a plain 500 (the cause goes to the server log).
 */
export function csvRoute<P extends { org: string }>(
  what: string,
  build: (ctx: TenantCtx, query: Record<string, string>, params: P) => Promise<{ name: string; csv: string }>,
) {
  return async (request: Request, { params }: { params: Promise<P> }): Promise<Response> => {
    try {
      const p = await params;
      const ctx = await resolveTenant(p.org);
      const { name, csv } = await build(ctx, Object.fromEntries(new URL(request.url).searchParams), p);
      return new Response(csv, {
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="${name}.csv"`,
          'Cache-Control': 'private, no-store',
        },
      });
    } catch (err) {
      if (err instanceof AppError) return plain(err.message, errorStatus[err.code]);
      console.error(`[tenure] ${what} export failed`, err);
      return plain('Something went wrong. Please try again.', 500);
    }
  };
}
