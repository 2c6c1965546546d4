import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { accountEvents, accounts, healthScores, organizations, revenueChanges, stakeholders, tickets, usageDaily, usageMonthly } from '@/db/schema';
import { GET as getAccount } from '@/app/api/v1/accounts/[externalId]/route';
import { PUT as putStakeholder } from '@/app/api/v1/accounts/[externalId]/stakeholders/[stakeholderId]/route';
import { POST as batchStakeholders } from '@/app/api/v1/batch/stakeholders/route';
import { POST as postRevenue } from '@/app/api/v1/revenue-changes/route';
import { POST as postTickets } from '@/app/api/v1/tickets/route';
import { POST as postUsage } from '@/app/api/v1/usage/route';
import { accountDetailSchema, batchResultSchema, usageResultSchema } from '@/lib/validation/api-responses';
import { auditOf, call, expectError, matches, orgWithKey } from './api-fixtures';
import { makeAccount } from './fixtures';

describe('POST /usage', () => {
  it('rolls events into per-user daily rows in the org timezone and monthly rows, hashing emails', async () => {
    const { org, key } = await orgWithKey();
    await db.update(organizations).set({ timezone: 'America/New_York' }).where(eq(organizations.id, org.id));
    const acc = await makeAccount(org.id, { externalId: 'u-1', licensedSeats: 10 });
    const events = [
      // 03:00Z on Mar 2 is still Mar 1 in New York
      { accountExternalId: 'u-1', userKey: 'Ann@Example.com', occurredAt: '2026-03-02T03:00:00Z', featureKey: 'Reports', sessions: 1 },
      { accountExternalId: 'u-1', userKey: 'ann@example.com', occurredAt: '2026-03-01T15:00:00Z', featureKey: 'reports' },
      { accountExternalId: 'u-1', userKey: 'ann@example.com', occurredAt: '2026-03-01T16:00:00Z', featureKey: 'export' },
      { accountExternalId: 'u-1', userKey: 'bob', occurredAt: '2026-03-02T15:00:00Z' },
    ];
    const res = await call(postUsage, 'POST', '/usage', {}, { key: key.key, body: { items: events } });
    expect(res.status).toBe(200);
    expect(matches(usageResultSchema, res.json)).toEqual({ received: 4, accepted: 4, failed: 0, dailyRows: 2, months: 1, errors: [] });
    const ann = createHash('sha256').update('ann@example.com').digest('hex');
    const daily = await db.select().from(usageDaily).where(eq(usageDaily.accountId, acc.id)).orderBy(usageDaily.day);
    expect(daily.map(({ day, userKey, sessions, events: n, features }) => ({ day, userKey, sessions, events: n, features }))).toEqual([
      { day: '2026-03-01', userKey: ann, sessions: 1, events: 3, features: { reports: 2, export: 1 } },
      { day: '2026-03-02', userKey: 'bob', sessions: 0, events: 1, features: {} },
    ]);
    // the same events again add up (no Idempotency-Key), feature counts merge
    await call(postUsage, 'POST', '/usage', {}, { key: key.key, body: { items: events.slice(0, 1) } });
    const [again] = await db.select().from(usageDaily).where(and(eq(usageDaily.accountId, acc.id), eq(usageDaily.userKey, ann)));
    expect(again).toMatchObject({ sessions: 2, events: 4, features: { reports: 3, export: 1 } });
    const [month] = await db.select().from(usageMonthly).where(eq(usageMonthly.accountId, acc.id));
    expect(month).toMatchObject({ month: '2026-03-01', activeUsers: 2, activeDays: 2, sessions: 2, events: 5, featuresUsed: ['export', 'reports'] });
    // the touched account's health was recomputed in the same transaction
    const [health] = await db.select({ at: accounts.healthUpdatedAt }).from(accounts).where(eq(accounts.id, acc.id));
    expect(health.at).toBeInstanceOf(Date);
    expect(await db.select({ accountId: healthScores.accountId }).from(healthScores).where(eq(healthScores.accountId, acc.id))).toEqual([{ accountId: acc.id }]);
    const [audit] = await auditOf(org.id, 'usage.recorded');
    expect(audit).toMatchObject({ actorType: 'api_key', actorId: key.id, after: { events: 4, dailyRows: 2, months: 1, accounts: 1 } });
  });

  it('names unknown accounts and future events per item; partial writes the rest', async () => {
    const { org, key } = await orgWithKey();
    const acc = await makeAccount(org.id, { externalId: 'u-2' });
    const items = [
      { accountExternalId: 'u-2', userKey: 'x', occurredAt: '2026-01-05T10:00:00Z' },
      { accountExternalId: 'nope', userKey: 'x', occurredAt: '2026-01-05T10:00:00Z' },
      { accountExternalId: 'u-2', userKey: 'x', occurredAt: '2999-01-01T00:00:00Z' },
      { accountExternalId: 'u-2', userKey: '', occurredAt: 'yesterday' },
    ];
    const strict = await call(postUsage, 'POST', '/usage', {}, { key: key.key, body: { items } });
    expect(expectError(strict, 400, 'VALIDATION')).toEqual([
      { index: 1, field: 'accountExternalId', message: 'No account has the external id nope.' },
      { index: 2, field: 'occurredAt', message: 'That moment is more than an hour in the future.' },
      { index: 3, field: 'userKey', message: 'Give the user key.' },
      { index: 3, field: 'occurredAt', message: 'Use a timestamp like 2026-03-01T09:30:00Z.' },
    ]);
    expect(await db.select().from(usageDaily).where(eq(usageDaily.accountId, acc.id))).toEqual([]);
    const partial = await call(postUsage, 'POST', '/usage', {}, { key: key.key, body: { items }, query: 'partial=true' });
    expect(matches(usageResultSchema, partial.json)).toMatchObject({ received: 4, accepted: 1, failed: 3, dailyRows: 1 });
    expect(await db.select({ day: usageDaily.day }).from(usageDaily).where(eq(usageDaily.accountId, acc.id))).toEqual([{ day: '2026-01-05' }]);
  });
});

describe('POST /revenue-changes', () => {
  it('records changes with their movements, is idempotent by external id, corrects on new values, and shows in GET', async () => {
    const { org, key } = await orgWithKey();
    const acc = await makeAccount(org.id, { externalId: 'r-1' });
    const items = [
      { externalId: 'inv-1', accountExternalId: 'r-1', effectiveDate: '2025-01-01', mrr: 100000 },
      { externalId: 'inv-2', accountExternalId: 'r-1', effectiveDate: '2025-06-01', mrr: 150000, currency: 'USD' },
    ];
    const first = matches(batchResultSchema, (await call(postRevenue, 'POST', '/revenue-changes', {}, { key: key.key, body: { items } })).json);
    expect(first).toMatchObject({ created: 2, unchanged: 0 });
    const again = matches(batchResultSchema, (await call(postRevenue, 'POST', '/revenue-changes', {}, { key: key.key, body: { items } })).json);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(again.results.map((r) => r.id)).toEqual(first.results.map((r) => r.id));
    const fix = matches(batchResultSchema, (await call(postRevenue, 'POST', '/revenue-changes', {}, { key: key.key, body: { items: [{ ...items[1], mrr: 120000 }] } })).json);
    expect(fix).toMatchObject({ updated: 1 });
    const rows = await db.select({ externalId: revenueChanges.externalId, mrr: revenueChanges.mrr, actorType: revenueChanges.actorType, actorId: revenueChanges.actorId })
      .from(revenueChanges).where(eq(revenueChanges.accountId, acc.id)).orderBy(revenueChanges.effectiveDate);
    expect(rows).toEqual([{ externalId: 'inv-1', mrr: 100000, actorType: 'api_key', actorId: key.id }, { externalId: 'inv-2', mrr: 120000, actorType: 'api_key', actorId: key.id }]);
    const events = await db.select({ kind: accountEvents.kind, summary: accountEvents.summary }).from(accountEvents).where(eq(accountEvents.accountId, acc.id)).orderBy(accountEvents.occurredAt);
    expect(events).toEqual([
      { kind: 'revenue.changed', summary: 'New subscription, MRR $0 → $1,000.00 (effective Jan 1, 2025)' },
      { kind: 'revenue.changed', summary: 'Expansion, MRR $1,000.00 → $1,500.00 (effective Jun 1, 2025)' },
      { kind: 'revenue.changed', summary: 'Expansion, MRR $1,000.00 → $1,200.00 (effective Jun 1, 2025, corrected)' },
    ]);
    const detail = matches(accountDetailSchema, (await call(getAccount, 'GET', '/accounts/r-1', { externalId: 'r-1' }, { key: key.key })).json);
    expect(detail.kpis).toMatchObject({ mrr: 120000, currency: 'USD', status: 'paying' });
  });

  it('refuses a churn without reason, another currency, and a churn of a non-paying account; partial keeps the good ones', async () => {
    const { org, key } = await orgWithKey();
    await makeAccount(org.id, { externalId: 'r-2' });
    const items = [
      { externalId: 'c-1', accountExternalId: 'r-2', effectiveDate: '2025-01-01', mrr: 0 },
      { externalId: 'c-2', accountExternalId: 'r-2', effectiveDate: '2025-01-01', mrr: 500, currency: 'EUR' },
      { externalId: 'c-3', accountExternalId: 'r-2', effectiveDate: '2025-02-01', mrr: 0, churnReason: 'Budget cuts' },
      { externalId: 'c-4', accountExternalId: 'r-2', effectiveDate: '2025-03-01', mrr: 900 },
    ];
    const strict = await call(postRevenue, 'POST', '/revenue-changes', {}, { key: key.key, body: { items } });
    expect(expectError(strict, 400, 'VALIDATION')).toEqual([
      { index: 0, field: 'churnReason', message: 'Give the churn reason: a change to 0 is a churn.' },
      { index: 1, field: 'currency', message: 'This org keeps revenue in USD; send amounts in USD.' },
    ]);
    const partial = matches(batchResultSchema, (await call(postRevenue, 'POST', '/revenue-changes', {}, { key: key.key, body: { items }, query: 'partial=true' })).json);
    expect(partial.errors).toEqual([
      { index: 0, field: 'churnReason', message: 'Give the churn reason: a change to 0 is a churn.' },
      { index: 1, field: 'currency', message: 'This org keeps revenue in USD; send amounts in USD.' },
      { index: 2, field: 'mrr', message: 'The account\'s MRR is already 0 on 2025-02-01, so this cannot be a churn.' },
    ]);
    expect(partial.results.map((r) => [r.externalId, r.status])).toEqual([['c-4', 'created']]);
    const rows = await db.select({ externalId: revenueChanges.externalId }).from(revenueChanges).where(eq(revenueChanges.orgId, org.id));
    expect(rows).toEqual([{ externalId: 'c-4' }]);
  });
});

describe('POST /tickets', () => {
  it('opens, then closes a ticket by repeating it with closedAt; counts open tickets in GET', async () => {
    const { org, key } = await orgWithKey();
    const acc = await makeAccount(org.id, { externalId: 't-1' });
    const open = { externalId: 'zd-1', accountExternalId: 't-1', subject: 'Export fails', priority: 'high', openedAt: '2026-01-10T09:00:00Z' };
    const first = matches(batchResultSchema, (await call(postTickets, 'POST', '/tickets', {}, { key: key.key, body: { items: [open, { ...open, externalId: 'zd-2', priority: 'low' }] } })).json);
    expect(first).toMatchObject({ created: 2 });
    let detail = matches(accountDetailSchema, (await call(getAccount, 'GET', '/accounts/t-1', { externalId: 't-1' }, { key: key.key })).json);
    expect(detail.kpis).toMatchObject({ openTickets: 2, openHighPriorityTickets: 1 });
    const closed = matches(batchResultSchema, (await call(postTickets, 'POST', '/tickets', {}, { key: key.key, body: { items: [{ ...open, closedAt: '2026-01-10T10:00:00Z', resolvedFirstContact: true }] } })).json);
    expect(closed).toMatchObject({ updated: 1 });
    const [t] = await db.select().from(tickets).where(and(eq(tickets.orgId, org.id), eq(tickets.externalId, 'zd-1')));
    expect(t).toMatchObject({ accountId: acc.id, subject: 'Export fails', priority: 'high', closedAt: new Date('2026-01-10T10:00:00Z'), resolvedFirstContact: true });
    detail = matches(accountDetailSchema, (await call(getAccount, 'GET', '/accounts/t-1', { externalId: 't-1' }, { key: key.key })).json);
    expect(detail.kpis).toMatchObject({ openTickets: 1, openHighPriorityTickets: 0 });
    const kinds = await db.select({ kind: accountEvents.kind, summary: accountEvents.summary }).from(accountEvents).where(eq(accountEvents.accountId, acc.id)).orderBy(accountEvents.occurredAt, accountEvents.kind);
    expect(kinds.filter((k) => k.kind === 'ticket.closed')).toEqual([{ kind: 'ticket.closed', summary: 'Ticket closed, resolved on first contact: Export fails' }]);
    const bad = await call(postTickets, 'POST', '/tickets', {}, { key: key.key, body: { items: [{ ...open, closedAt: '2026-01-09T00:00:00Z' }] } });
    expect(expectError(bad, 400, 'VALIDATION')).toEqual([{ index: 0, field: 'closedAt', message: 'A ticket cannot close before it opened.' }]);
  });
});

describe('stakeholders', () => {
  it('PUT creates and updates one stakeholder; 404 for an unknown account', async () => {
    const { org, key } = await orgWithKey();
    const acc = await makeAccount(org.id, { externalId: 's-1' });
    const res = await call(putStakeholder, 'PUT', '/accounts/s-1/stakeholders/p-1', { externalId: 's-1', stakeholderId: 'p-1' }, {
      key: key.key, body: { name: 'Dana', email: 'Dana@Globex.com', role: 'champion', isPrimary: true, lastContactedAt: '2026-01-05T10:00:00+01:00' },
    });
    expect(res.status).toBe(201);
    const upd = await call(putStakeholder, 'PUT', '/accounts/s-1/stakeholders/p-1', { externalId: 's-1', stakeholderId: 'p-1' }, { key: key.key, body: { name: 'Dana', sentiment: 'negative' } });
    expect(upd.json).toMatchObject({ status: 'updated' });
    const [s] = await db.select().from(stakeholders).where(eq(stakeholders.accountId, acc.id));
    expect(s).toMatchObject({ externalId: 'p-1', name: 'Dana', email: 'dana@globex.com', role: 'champion', sentiment: 'negative', isPrimary: true, lastContactedAt: new Date('2026-01-05T09:00:00Z') });
    const missing = await call(putStakeholder, 'PUT', '/accounts/none/stakeholders/p-1', { externalId: 'none', stakeholderId: 'p-1' }, { key: key.key, body: { name: 'Dana' } });
    expectError(missing, 404, 'NOT_FOUND');
  });

  it('the batch keeps one primary per account and names unknown accounts', async () => {
    const { org, key } = await orgWithKey();
    const acc = await makeAccount(org.id, { externalId: 's-2' });
    const items = [
      { accountExternalId: 's-2', externalId: 'a', name: 'A', isPrimary: true },
      { accountExternalId: 's-2', externalId: 'b', name: 'B', isPrimary: true },
      { accountExternalId: 'ghost', externalId: 'c', name: 'C' },
    ];
    const strict = await call(batchStakeholders, 'POST', '/stakeholders:batch', {}, { key: key.key, body: { items } });
    expect(expectError(strict, 400, 'VALIDATION')).toEqual([{ index: 2, field: 'accountExternalId', message: 'No account has the external id ghost.' }]);
    const ok = matches(batchResultSchema, (await call(batchStakeholders, 'POST', '/stakeholders:batch', {}, { key: key.key, body: { items }, query: 'partial=true' })).json);
    expect(ok).toMatchObject({ created: 2, failed: 1 });
    const rows = await db.select({ externalId: stakeholders.externalId, isPrimary: stakeholders.isPrimary }).from(stakeholders).where(eq(stakeholders.accountId, acc.id)).orderBy(stakeholders.externalId);
    expect(rows).toEqual([{ externalId: 'a', isPrimary: false }, { externalId: 'b', isPrimary: true }]);
    expect((await auditOf(org.id, 'stakeholder.created')).map((a) => a.actorType)).toEqual(['api_key', 'api_key']);
  });
});
