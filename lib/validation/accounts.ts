import { z } from 'zod';
import { healthBandEnum, lifecycleStageEnum, segmentEnum, type Role } from '@/db/schema/enums';

// Forms and CSV cells send '' for "nothing": it means null, never 0 or an invalid enum value.
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

const optionalText = (max: number) => z.string().trim().max(max).optional().transform((v) => (v ? v : null));

/** A real calendar date as YYYY-MM-DD (2026-02-31 is refused here, not by the database). */
export const isoDateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Use a date like 2026-01-31.' })
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d;
  }, { message: 'That date does not exist.' });

const optionalDate = z.preprocess(blank, isoDateSchema.nullable().optional());

// Labels of at most 63 characters, no leading or trailing hyphen, a letter TLD (or punycode).
const DOMAIN = /^(?=.{1,253}$)(?:(?!-)[a-z0-9-]{1,63}(?<!-)\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** A bare domain; a pasted URL ("https://Example.com/") is reduced to "example.com". */
const domainSchema = optionalText(253)
  .transform((d) => (d === null ? null : d.toLowerCase().replace(/^https?:\/\//, '').replace(/\/+$/, '')))
  .refine((d) => d === null || DOMAIN.test(d), { message: 'Enter a domain like example.com.' });

const accountObject = z.object({
  name: z.string({ message: 'Enter a name.' }).trim().min(1, { message: 'Enter a name.' }).max(200, { message: 'Use at most 200 characters.' }),
  domain: domainSchema,
  externalId: optionalText(200),
  segment: z.preprocess(blank, z.enum(segmentEnum.enumValues, { message: 'Choose a segment.' }).nullable().optional()),
  // stage cannot be null: blank means "keep" on an edit and the default (onboarding) on create
  stage: z.preprocess((v) => blank(v) ?? undefined, z.enum(lifecycleStageEnum.enumValues, { message: 'Choose a stage.' }).optional()),
  licensedSeats: z.preprocess(
    blank,
    z.coerce
      .number({ message: 'Enter a number of seats.' })
      .int({ message: 'Seats must be a whole number.' })
      .min(0, { message: 'Seats cannot be negative.' })
      .max(10_000_000, { message: 'That is more seats than we can store.' })
      .nullable()
      .optional(),
  ),
  contractStart: optionalDate,
  nextRenewalDate: optionalDate,
});

type Dates = { contractStart?: string | null; nextRenewalDate?: string | null };

/** The one cross-field rule, shared with the DAL (which checks it again against stored values). */
export const renewalBeforeStart = (a: Dates) => Boolean(a.contractStart && a.nextRenewalDate && a.nextRenewalDate < a.contractStart);
export const RENEWAL_BEFORE_START = 'The renewal date cannot be before the contract start.';

const renewalRule = (a: Dates, ctx: z.RefinementCtx) => {
  if (renewalBeforeStart(a)) ctx.addIssue({ code: 'custom', message: RENEWAL_BEFORE_START, path: ['nextRenewalDate'] });
};

/** The editable fields of an account (the API, CSV import and forms share it). */
export const accountFieldsSchema = accountObject.superRefine(renewalRule);

export type AccountFields = z.infer<typeof accountFieldsSchema>;

const ownerIdSchema = z.preprocess(blank, z.uuid({ message: 'Choose a member of this org.' }).nullable().optional());

/** The create form: the fields plus the owner ('' = unassigned). */
export const createAccountSchema = accountObject.extend({ ownerId: ownerIdSchema }).superRefine(renewalRule);

/** The edit form: the same, plus which account (a bad id becomes NOT_FOUND in the DAL). */
export const updateAccountSchema = accountObject
  .extend({ ownerId: ownerIdSchema, accountId: z.string().max(100) })
  .superRefine(renewalRule);

export type AccountInput = z.infer<typeof createAccountSchema>;

/** Archive and restore take only the account. */
export const accountIdSchema = z.object({ accountId: z.string().max(100) });

// ---- the accounts list: search params -------------------------------------------------------

export const ACCOUNT_SORT_KEYS = ['name', 'owner', 'segment', 'stage', 'seats', 'renewal', 'activity', 'health'] as const;
export type AccountSortKey = (typeof ACCOUNT_SORT_KEYS)[number];
const sortValues = ACCOUNT_SORT_KEYS.flatMap((k) => [k, `-${k}`] as const);

/** Health band filter: a band, or accounts without a score ("not enough data"). */
export const HEALTH_BAND_FILTERS = [...healthBandEnum.enumValues, 'none'] as const;
export type HealthBandFilter = (typeof HEALTH_BAND_FILTERS)[number];

/** Owner filter: everyone, the signed-in member, nobody, or one member by id. */
const ownerFilterSchema = z.union([z.enum(['all', 'me', 'none']), z.uuid()]);

const accountListParamsSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined).transform((v) => v || undefined),
  owner: ownerFilterSchema.optional().catch(undefined),
  segment: z.enum(segmentEnum.enumValues).optional().catch(undefined),
  stage: z.enum(lifecycleStageEnum.enumValues).optional().catch(undefined),
  band: z.enum(HEALTH_BAND_FILTERS).optional().catch(undefined),
  status: z.enum(['active', 'archived', 'all']).default('active').catch('active'),
  // one param for column and direction ("-renewal" is newest renewal first), so a header button can set both
  sort: z.enum(sortValues).default('name').catch('name'),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  pageSize: z.coerce.number().pipe(z.union([z.literal(25), z.literal(50), z.literal(100)])).default(25).catch(25),
});

export type AccountListParams = Omit<z.infer<typeof accountListParamsSchema>, 'owner'> & { owner: z.infer<typeof ownerFilterSchema> };

/** A CSM opens on their own book; everyone else on the whole portfolio. */
export const defaultOwnerFilter = (role: Role) => (role === 'csm' ? 'me' : 'all');

/** Parses the list's search params; a bad value falls back to its default instead of failing. */
export function parseAccountListParams(raw: Record<string, unknown>, role: Role): AccountListParams {
  const p = accountListParamsSchema.parse(raw ?? {});
  return { ...p, owner: p.owner ?? defaultOwnerFilter(role) };
}

/** The search params that differ from the defaults, for links that keep the current view. */
export function accountListSearch(p: AccountListParams, role: Role, withPage = true): Record<string, string> {
  const out: Record<string, string> = {};
  if (p.q) out.q = p.q;
  if (p.owner !== defaultOwnerFilter(role)) out.owner = p.owner;
  if (p.segment) out.segment = p.segment;
  if (p.stage) out.stage = p.stage;
  if (p.band) out.band = p.band;
  if (p.status !== 'active') out.status = p.status;
  if (p.sort !== 'name') out.sort = p.sort;
  if (p.pageSize !== 25) out.pageSize = String(p.pageSize);
  if (withPage && p.page > 1) out.page = String(p.page);
  return out;
}

/** A list URL under `base` with some params changed; changing a filter goes back to page 1. */
export function accountListHref(base: string, p: AccountListParams, role: Role, change: Partial<AccountListParams> = {}): string {
  const search = new URLSearchParams(accountListSearch({ ...p, page: 1, ...change }, role)).toString();
  return search ? `${base}?${search}` : base;
}

/** Whether anything narrows the list (a CSM's default "my accounts" does): picks the "no match" state. */
export const isFiltered = (p: AccountListParams) => Boolean(p.q || p.segment || p.stage || p.band || p.status !== 'active' || p.owner !== 'all');
