import 'server-only';
import { sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { accountEvents, accounts, stakeholders } from '@/db/schema';
import { insertRows } from '@/db/seed/bulk-insert';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { labelOf } from '@/lib/format';
import { refreshAccounts } from '@/lib/health/refresh';
import type { AccountPlan } from '@/lib/import/plan-accounts';
import type { StakeholderPlan } from '@/lib/import/plan-stakeholders';
import { lockAccountsInOrder } from '@/db/account-locks';

// ~1,000 rows per statement, as in the seed's bulk insert: one JSON parameter per chunk.
const CHUNK_ROWS = 1_000;

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Updates rows of `table` from JSON records in chunks: a column whose value is null keeps its
 * current value (a blank cell means "leave unchanged"). `columns` are [camelCase key, SQL type].
 */
async function updateFromJson(tx: Tx, table: 'accounts' | 'stakeholders', orgId: string, columns: [string, string][], rows: Record<string, unknown>[]) {
  const set = columns.map(([k]) => `"${snake(k)}" = coalesce(r."${k}", t."${snake(k)}")`).join(', ');
  const record = ['"id" uuid', ...columns.map(([k, type]) => `"${k}" ${type}`)].join(', ');
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
    const json = JSON.stringify(rows.slice(i, i + CHUNK_ROWS));
    await tx.execute(sql`update ${sql.raw(table)} as t set ${sql.raw(set)}, updated_at = now()
      from json_to_recordset(${json}::json) as r(${sql.raw(record)})
      where t.org_id = ${orgId} and t.id = r.id`);
  }
}

const accountUpdateColumns: [string, string][] = [
  // an external id is only ever set this way on an account that had none (lib/import/match.ts)
  ['externalId', 'text'], ['name', 'text'], ['domain', 'text'], ['ownerId', 'uuid'], ['segment', 'segment'], ['stage', 'lifecycle_stage'],
  ['licensedSeats', 'integer'], ['contractStart', 'date'], ['nextRenewalDate', 'date'],
];

const stakeholderUpdateColumns: [string, string][] = [
  ['name', 'text'], ['email', 'text'], ['title', 'text'], ['role', 'stakeholder_role'], ['influence', 'influence'],
  ['sentiment', 'sentiment'], ['isPrimary', 'boolean'], ['doNotSurvey', 'boolean'],
];

const byUser = (ctx: TenantCtx) => ({ orgId: ctx.orgId, actorType: 'user' as const, actorId: ctx.userId });

const fieldList = (after: object) => Object.keys(after).map((k) => snake(k).replace(/_/g, ' ')).join(', ');

/** Writes an account plan: set-based inserts and updates, one timeline event per changed account. */
export async function writeAccountPlan(tx: Tx, ctx: TenantCtx, plan: AccountPlan): Promise<void> {
  await insertRows(tx, accounts, plan.creates.map(({ id, values: v }) => ({
    orgId: ctx.orgId, id, name: v.name, domain: v.domain ?? null, externalId: v.externalId ?? null, ownerId: v.ownerId ?? null,
    segment: v.segment ?? null, stage: v.stage ?? 'onboarding', licensedSeats: v.licensedSeats ?? null,
    contractStart: v.contractStart ?? null, nextRenewalDate: v.nextRenewalDate ?? null,
  })));
  await lockAccountsInOrder(tx, ctx.orgId, plan.updates.map((u) => u.id));
  await updateFromJson(tx, 'accounts', ctx.orgId, accountUpdateColumns, plan.updates.map((u) => ({ id: u.id, ...u.after })));
  await insertRows(tx, accountEvents, [
    ...plan.creates.map((c) => ({
      ...byUser(ctx), accountId: c.id, kind: 'account.created', summary: 'Created by CSV import',
      data: { source: 'csv', row: c.row, externalId: c.values.externalId ?? null },
    })),
    ...plan.updates.map((u) => ({
      ...byUser(ctx), accountId: u.id, kind: 'account.updated', summary: `Updated by CSV import: ${fieldList(u.after)}`,
      data: { source: 'csv', row: u.row, before: u.before, after: u.after },
    })),
  ]);
  // one recompute for every account the file created or changed (seats feed utilization)
  await refreshAccounts(tx, ctx.orgId, [...plan.creates.map((c) => c.id), ...plan.updates.map((u) => u.id)]);
}

/**
 * One primary contact per account, as the app enforces: a primary named by the file replaces the
 * account's previous one, and when a file names several for one account the last row wins.
 */
async function keepOnePrimary(tx: Tx, orgId: string, plan: StakeholderPlan): Promise<void> {
  const named = [
    ...plan.creates.filter((c) => c.values.isPrimary).map((c) => ({ row: c.row, accountId: c.accountId, id: c.id })),
    ...plan.updates.filter((u) => u.after.isPrimary === true).map((u) => ({ row: u.row, accountId: u.accountId, id: u.id })),
  ].sort((a, b) => a.row - b.row);
  const chosen = new Map(named.map((n) => [n.accountId, n.id]));
  if (chosen.size === 0) return;
  const pairs = JSON.stringify([...chosen].map(([account_id, id]) => ({ account_id, id })));
  await tx.execute(sql`
    update stakeholders s set is_primary = (s.id = c.id)
    from json_to_recordset(${pairs}::json) as c(account_id uuid, id uuid)
    where s.org_id = ${orgId} and s.account_id = c.account_id and (s.is_primary or s.id = c.id)`);
}

/** Writes a stakeholder plan: set-based inserts and updates, one timeline event per change. */
export async function writeStakeholderPlan(tx: Tx, ctx: TenantCtx, plan: StakeholderPlan): Promise<void> {
  await insertRows(tx, stakeholders, plan.creates.map(({ id, accountId, values: v }) => ({
    orgId: ctx.orgId, id, accountId, name: v.name, email: v.email ?? null, title: v.title ?? null, externalId: v.externalId ?? null,
    role: v.role ?? 'user', influence: v.influence ?? 'medium', sentiment: v.sentiment ?? 'neutral',
    isPrimary: v.isPrimary ?? false, doNotSurvey: v.doNotSurvey ?? false,
  })));
  await updateFromJson(tx, 'stakeholders', ctx.orgId, stakeholderUpdateColumns, plan.updates.map((u) => ({ id: u.id, ...u.after })));
  await keepOnePrimary(tx, ctx.orgId, plan);
  await insertRows(tx, accountEvents, [
    ...plan.creates.map((c) => ({
      ...byUser(ctx), accountId: c.accountId, kind: 'stakeholder.added',
      summary: `Added ${c.values.name} (${labelOf(c.values.role ?? 'user').toLowerCase()}) by CSV import`,
      data: { source: 'csv', row: c.row, stakeholderId: c.id, name: c.values.name, role: c.values.role ?? 'user' },
    })),
    ...plan.updates.map((u) => ({
      ...byUser(ctx), accountId: u.accountId, kind: 'stakeholder.updated', summary: `Updated ${u.name} by CSV import: ${fieldList(u.after)}`,
      data: { source: 'csv', row: u.row, stakeholderId: u.id, before: u.before, after: u.after },
    })),
  ]);
  // one recompute for every account whose stakeholders the file touched (the relationship factor)
  await refreshAccounts(tx, ctx.orgId, [...plan.creates.map((c) => c.accountId), ...plan.updates.map((u) => u.accountId)]);
}
