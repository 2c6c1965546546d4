import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { accounts, memberships, stakeholders, users } from '@/db/schema';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { AppError } from '@/lib/errors';
import { validateAccountRecords } from '@/lib/import/account-rows';
import { mapHeaders, type HeaderMap, type ImportKind } from '@/lib/import/columns';
import { CsvFileError, parseCsv, type CsvRecord } from '@/lib/import/csv';
import { indexAccounts } from '@/lib/import/match';
import { planAccounts, type AccountPlan } from '@/lib/import/plan-accounts';
import { planStakeholders, resolveAccount, type StakeholderPlan } from '@/lib/import/plan-stakeholders';
import { validateStakeholderRecords } from '@/lib/import/stakeholder-rows';
import { fileProblem, summarize, type ImportPreview } from '@/lib/import/summary';
import { recordAudit, userActor } from './audit';
import { assertRole } from './guard';
import { writeAccountPlan, writeStakeholderPlan } from './import-write';

export type { ImportPreview };

/** The most data rows one file may have; larger files are refused before validation. */
export const MAX_IMPORT_ROWS = 50_000;

type Analysis =
  | { preview: ImportPreview; kind: 'accounts'; plan: AccountPlan }
  | { preview: ImportPreview; kind: 'stakeholders'; plan: StakeholderPlan }
  | { preview: ImportPreview; kind: null };

// The file's keys travel as ONE JSON parameter: 10,000 bind parameters would be slow on both drivers.
const jsonList = (values: Iterable<string>) => sql`(select json_array_elements_text(${JSON.stringify([...new Set(values)])}::json))`;
const jsonUuids = (values: Iterable<string>) => sql`(select v::uuid from json_array_elements_text(${JSON.stringify([...new Set(values)])}::json) as v)`;

const defined = <T>(values: (T | undefined)[]) => values.filter((v): v is T => v !== undefined);

/** The org's members by lower-cased email (owner_email must name one of them). */
async function memberEmails(tx: Tx, ctx: TenantCtx): Promise<Map<string, string>> {
  const rows = await tx.select({ id: users.id, email: users.email }).from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId)).where(eq(memberships.orgId, ctx.orgId));
  return new Map(rows.map((r) => [r.email.toLowerCase(), r.id]));
}

/** The org's accounts whose external id or lower-cased domain is one of the file's (archived ones too). */
function accountsByKeys(tx: Tx, ctx: TenantCtx, externalIds: string[], domains: string[]) {
  const { id, externalId, domain, name, ownerId, segment, stage, licensedSeats, contractStart, nextRenewalDate } = accounts;
  return tx.select({ id, externalId, domain, name, ownerId, segment, stage, licensedSeats, contractStart, nextRenewalDate })
    .from(accounts)
    .where(and(eq(accounts.orgId, ctx.orgId), or(inArray(accounts.externalId, jsonList(externalIds)), sql`lower(${accounts.domain}) in ${jsonList(domains)}`)));
}

async function analyzeAccounts(tx: Tx, ctx: TenantCtx, records: CsvRecord[], map: HeaderMap): Promise<Analysis> {
  const rows = validateAccountRecords(records, map, await memberEmails(tx, ctx));
  const existing = await accountsByKeys(tx, ctx, defined(rows.map((r) => r.values.externalId)), defined(rows.map((r) => r.values.domain)));
  const plan = planAccounts(rows, existing, randomUUID);
  return { preview: summarize('accounts', map, plan.rows), kind: 'accounts', plan };
}

async function analyzeStakeholders(tx: Tx, ctx: TenantCtx, records: CsvRecord[], map: HeaderMap): Promise<Analysis> {
  const rows = validateStakeholderRecords(records, map);
  const keys = await accountsByKeys(tx, ctx, defined(rows.map((r) => r.values.accountExternalId)), defined(rows.map((r) => r.values.accountDomain)));
  const index = indexAccounts(keys);
  // every row's account, rows with bad cells too: the plan matches them to report all their problems
  const accountIds = new Set(rows.map((r) => resolveAccount(index, r)).flatMap((a) => ('id' in a ? [a.id] : [])));
  const byKey: SQL[] = [
    inArray(stakeholders.externalId, jsonList(defined(rows.map((r) => r.values.externalId)))),
    sql`lower(${stakeholders.email}) in ${jsonList(defined(rows.map((r) => r.values.email)))}`,
  ];
  const existing = accountIds.size === 0 ? [] : await tx.select({
    id: stakeholders.id, accountId: stakeholders.accountId, externalId: stakeholders.externalId, email: stakeholders.email, name: stakeholders.name,
    title: stakeholders.title, role: stakeholders.role, influence: stakeholders.influence, sentiment: stakeholders.sentiment,
    isPrimary: stakeholders.isPrimary, doNotSurvey: stakeholders.doNotSurvey,
  }).from(stakeholders)
    .where(and(eq(stakeholders.orgId, ctx.orgId), inArray(stakeholders.accountId, jsonUuids(accountIds)), or(...byKey)));
  const plan = planStakeholders(rows, keys, existing, randomUUID);
  return { preview: summarize('stakeholders', map, plan.rows), kind: 'stakeholders', plan };
}

/** Parses, validates and matches a file against the org's data; writes nothing. */
async function analyze(tx: Tx, ctx: TenantCtx, kind: ImportKind, text: string): Promise<Analysis> {
  let records: CsvRecord[];
  let headers: string[];
  try {
    ({ headers, records } = parseCsv(text));
  } catch (err) {
    if (err instanceof CsvFileError) return { preview: fileProblem(kind, [err.message]), kind: null };
    throw err;
  }
  const map = mapHeaders(kind, headers);
  if (map.errors.length) return { preview: fileProblem(kind, map.errors, map), kind: null };
  if (records.length > MAX_IMPORT_ROWS) {
    const message = `The file has ${records.length.toLocaleString('en-US')} rows; the limit is ${MAX_IMPORT_ROWS.toLocaleString('en-US')}. Split it into smaller files.`;
    return { preview: fileProblem(kind, [message], map), kind: null };
  }
  return kind === 'accounts' ? analyzeAccounts(tx, ctx, records, map) : analyzeStakeholders(tx, ctx, records, map);
}

/** Checks a CSV of the org's accounts or stakeholders (CSMs and up) and says what an import would do; writes nothing. */
export async function previewImport(ctx: TenantCtx, kind: ImportKind, text: string): Promise<ImportPreview> {
  assertRole(ctx, 'csm');
  return (await analyze(db, ctx, kind, text)).preview;
}

export type ImportResult = { ok: true; created: number; updated: number; unchanged: number } | { ok: false; preview: ImportPreview };

/**
 * Imports a CSV into the org (CSMs and up): validates the file again from scratch and, only when
 * every row is valid, writes all rows, their timeline events and one audit entry in ONE
 * transaction. Any invalid row means nothing is written (the preview says why).
 */
export async function commitImport(ctx: TenantCtx, kind: ImportKind, text: string, fileName = ''): Promise<ImportResult> {
  assertRole(ctx, 'csm');
  try {
    return await db.transaction(async (tx) => {
      // one import per org at a time: two imports of the same new rows would both create them
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`tenure:import:${ctx.orgId}`}, 0))`);
      const analysis = await analyze(tx, ctx, kind, text);
      if (!analysis.preview.ready || !analysis.kind) return { ok: false as const, preview: analysis.preview };
      if (analysis.kind === 'accounts') await writeAccountPlan(tx, ctx, analysis.plan);
      else await writeStakeholderPlan(tx, ctx, analysis.plan);
      const { create: created, update: updated, unchanged, rows } = analysis.preview.counts;
      await recordAudit(tx, ctx.orgId, userActor(ctx.userId), {
        action: `import.${kind}`, entityType: 'import', after: { file: fileName.slice(0, 200), rows, created, updated, unchanged },
      });
      return { ok: true as const, created, updated, unchanged };
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError('CONFLICT', 'Some of these rows were changed by someone else during the import, so nothing was imported. Upload the file again.');
    }
    throw err;
  }
}

// Drizzle wraps driver errors; postgres.js and PGlite both carry the SQLSTATE as `code`.
function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}
