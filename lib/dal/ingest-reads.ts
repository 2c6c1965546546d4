import 'server-only';
import { sql } from 'drizzle-orm';
import { db, queryRows } from '@/db';
import type { ApiKeyCtx } from '@/lib/api/context';
import { ApiError } from '@/lib/api/errors';
import type { AccountDetail, AccountResource } from '@/lib/validation/api-responses';

type Row = {
  id: string; externalId: string | null; name: string; domain: string | null; segment: AccountResource['segment']; stage: AccountResource['stage'];
  licensedSeats: number | null; contractStart: string | null; nextRenewalDate: string | null; ownerEmail: string | null; archivedAt: Date | string | null;
  createdAt: Date | string; updatedAt: Date | string; healthScore: number | null; healthBand: AccountResource['health']['band']; healthUpdatedAt: Date | string | null;
};

const columns = sql`a.id, a.external_id as "externalId", a.name, a.domain, a.segment, a.stage, a.licensed_seats as "licensedSeats",
  a.contract_start::text as "contractStart", a.next_renewal_date::text as "nextRenewalDate", a.archived_at as "archivedAt",
  (select u.email from users u where u.id = a.owner_id) as "ownerEmail",
  a.created_at as "createdAt", a.updated_at as "updatedAt", a.health_score as "healthScore", a.health_band as "healthBand", a.health_updated_at as "healthUpdatedAt"`;

// the drivers return timestamps as Date (postgres.js) or Date/string (PGlite raw rows): always ISO out
const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/** A database row as the API's Account resource. */
function toResource(r: Row): AccountResource {
  return {
    id: r.id, externalId: r.externalId, name: r.name, domain: r.domain, segment: r.segment, stage: r.stage, licensedSeats: r.licensedSeats,
    contractStart: r.contractStart, nextRenewalDate: r.nextRenewalDate, ownerEmail: r.ownerEmail, archivedAt: iso(r.archivedAt), createdAt: iso(r.createdAt)!, updatedAt: iso(r.updatedAt)!,
    health: { score: r.healthScore, band: r.healthBand, updatedAt: iso(r.healthUpdatedAt) },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The cursor is the last id of the previous page, opaque to clients (base64url). */
export const encodeCursor = (id: string) => Buffer.from(id).toString('base64url');
function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!UUID.test(id)) throw new ApiError('VALIDATION', 'The cursor is not one this API gave out; start again without it.', [{ field: 'cursor', message: 'Use nextCursor from the previous page.' }]);
  return id;
}

/**
 * One page of the API key's org's accounts (archived ones too) in id order, keyset-paginated: `limit`
 * rows after the cursor's id, with the cursor of the next page (null on the last). One query.
 */
export async function listAccountsPage(ctx: ApiKeyCtx, q: { limit: number; cursor?: string }): Promise<{ data: AccountResource[]; nextCursor: string | null }> {
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const rows = await queryRows<Row>(db, sql`select ${columns} from accounts a
    where a.org_id = ${ctx.orgId} ${after ? sql`and a.id > ${after}::uuid` : sql``} order by a.id limit ${q.limit + 1}`);
  const page = rows.slice(0, q.limit);
  return { data: page.map(toResource), nextCursor: rows.length > q.limit ? encodeCursor(page[page.length - 1].id) : null };
}

type Kpis = { mrr: number | null; currency: string; activeUsers: number; openTickets: number; openHigh: number; stakeholders: number };

/**
 * One account of the API key's org by its external id, with its current health and KPIs (MRR today,
 * distinct active users in the last 30 days of the org's calendar, utilization, open tickets, stakeholders).
 * NOT_FOUND when the org has no account with that external id. One query.
 */
export async function getAccountByExternalId(ctx: ApiKeyCtx, externalId: string): Promise<AccountDetail> {
  const [row] = await queryRows<Row & Kpis>(db, sql`
    with o as (select currency, (now() at time zone timezone)::date as today from organizations where id = ${ctx.orgId})
    select ${columns}, o.currency,
      (select r.mrr::float8 from revenue_changes r where r.org_id = a.org_id and r.account_id = a.id and r.effective_date <= o.today
        order by r.effective_date desc, r.recorded_at desc, r.id desc limit 1) as mrr,
      (select count(distinct u.user_key)::int from usage_daily u where u.org_id = a.org_id and u.account_id = a.id
        and u.day > o.today - 30 and u.day <= o.today) as "activeUsers",
      (select count(*)::int from tickets t where t.org_id = a.org_id and t.account_id = a.id and t.closed_at is null) as "openTickets",
      (select count(*)::int from tickets t where t.org_id = a.org_id and t.account_id = a.id and t.closed_at is null and t.priority in ('high', 'urgent')) as "openHigh",
      (select count(*)::int from stakeholders s where s.org_id = a.org_id and s.account_id = a.id and s.left_at is null) as stakeholders
    from accounts a cross join o where a.org_id = ${ctx.orgId} and a.external_id = ${externalId} limit 1`);
  if (!row) throw new ApiError('NOT_FOUND', `No account has the external id ${externalId}.`);
  const mrr = row.mrr === null ? null : Number(row.mrr);
  const utilization = row.licensedSeats ? Math.round((row.activeUsers / row.licensedSeats) * 1000) / 10 : null;
  return {
    ...toResource(row),
    kpis: {
      mrr, currency: row.currency, status: mrr === null ? null : mrr > 0 ? 'paying' : 'churned', activeUsers30d: row.activeUsers,
      licenseUtilization: utilization, openTickets: row.openTickets, openHighPriorityTickets: row.openHigh, stakeholders: row.stakeholders,
    },
  };
}
