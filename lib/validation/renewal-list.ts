import { z } from 'zod';
import type { Role } from '@/db/schema/enums';

/** Which renewals the list shows: due in the next 90 days, this or next quarter, overdue, or every pending one. */
export const RENEWAL_WINDOWS = ['next90', 'this_quarter', 'next_quarter', 'overdue', 'pending'] as const;
export type RenewalWindow = (typeof RENEWAL_WINDOWS)[number];

export const RENEWAL_WINDOW_LABELS: Record<RenewalWindow, string> = {
  next90: 'Next 90 days',
  this_quarter: 'This quarter',
  next_quarter: 'Next quarter',
  overdue: 'Overdue',
  pending: 'All pending',
};

const renewalListParamsSchema = z.object({
  window: z.enum(RENEWAL_WINDOWS).default('next90').catch('next90'),
  owner: z.enum(['me', 'all']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  pageSize: z.coerce.number().pipe(z.union([z.literal(25), z.literal(50), z.literal(100)])).default(50).catch(50),
});

export type RenewalListParams = Omit<z.infer<typeof renewalListParamsSchema>, 'owner'> & { owner: 'me' | 'all' };

/** A CSM opens on the renewals of their own accounts; everyone else on the whole org. */
export const defaultRenewalOwner = (role: Role): 'me' | 'all' => (role === 'csm' ? 'me' : 'all');

/** Parses the list's search params (or a DAL caller's input); a bad value falls back to its default. */
export function parseRenewalListParams(raw: Record<string, unknown> | undefined, role: Role): RenewalListParams {
  const p = renewalListParamsSchema.parse(raw ?? {});
  return { ...p, owner: p.owner ?? defaultRenewalOwner(role) };
}

/** The search params that differ from the defaults, for links that keep the current view. */
export function renewalListSearch(p: RenewalListParams, role: Role, withPage = true): Record<string, string> {
  const out: Record<string, string> = {};
  if (p.window !== 'next90') out.window = p.window;
  if (p.owner !== defaultRenewalOwner(role)) out.owner = p.owner;
  if (p.pageSize !== 50) out.pageSize = String(p.pageSize);
  if (withPage && p.page > 1) out.page = String(p.page);
  return out;
}

/** A link to the list with some params changed; a new filter starts on page 1. */
export function renewalListHref(base: string, p: RenewalListParams, role: Role, change: Partial<RenewalListParams> = {}): string {
  const qs = new URLSearchParams(renewalListSearch({ ...p, page: 1, ...change }, role)).toString();
  return qs ? `${base}?${qs}` : base;
}
