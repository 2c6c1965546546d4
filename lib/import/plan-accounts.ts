import { RENEWAL_BEFORE_START } from '@/lib/validation/accounts';
import type { AccountRow, AccountValues } from './account-rows';
import type { CellError } from './cells';
import {
  diffFields, indexAccounts, matchAccount, SeenKeys, type AccountIndex, type AccountKey, type Change, type PlannedRow, type RowAction,
} from './match';

/** The current values of an account a row may update. */
export type ExistingAccount = AccountKey & Omit<{ [K in keyof AccountValues]: AccountValues[K] | null }, 'externalId' | 'domain'>;

export type AccountCreate = { id: string; row: number; values: Partial<AccountValues> & { name: string } };

export type AccountPlan = { rows: PlannedRow[]; creates: AccountCreate[]; updates: Change<AccountValues>[] };

// a domain typed "Example.com" in the app and "example.com" in the file is the same domain
const sameValue = (field: keyof AccountValues, a: unknown, b: unknown) =>
  field === 'domain' && typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : a === b;

/** In-file duplicates: an external id twice, or (rows without one) a domain twice. */
function duplicateError(row: AccountRow, ext: SeenKeys, domains: SeenKeys): CellError | null {
  const { externalId, domain } = row.values;
  if (externalId) {
    const earlier = ext.check(externalId, row.row);
    return earlier ? { row: row.row, column: 'external_id', message: `The external id ${externalId} is also in row ${earlier}.` } : null;
  }
  if (domain) {
    const earlier = domains.check(domain, row.row);
    if (earlier) return { row: row.row, column: 'domain', message: `The domain ${domain} is also in row ${earlier}; give each row an external_id to tell them apart.` };
  }
  return null;
}

/** Renewal before contract start, counting the account's current value for a blank cell. */
function datesError(row: AccountRow, current: ExistingAccount): CellError | null {
  const start = row.values.contractStart ?? current.contractStart;
  const renewal = row.values.nextRenewalDate ?? current.nextRenewalDate;
  if (!start || !renewal || renewal >= start) return null;
  if (row.values.nextRenewalDate) {
    const message = row.values.contractStart ? RENEWAL_BEFORE_START : `${RENEWAL_BEFORE_START.replace(/\.$/, '')} (the account's contract starts ${start}).`;
    return { row: row.row, column: 'next_renewal_date', message };
  }
  return { row: row.row, column: 'contract_start', message: `The contract start cannot be after the account's renewal date (${renewal}).` };
}

type Planner = { index: AccountIndex; byId: Map<string, ExistingAccount>; targets: SeenKeys; plan: AccountPlan; newId: () => string };

/**
 * Plans one row whose keys are valid: an error, or what it does. A `dry` row has errors in other
 * cells: it is matched only to report more of its problems at once, and records no write.
 */
function planRow(p: Planner, row: AccountRow, dry: boolean): CellError | RowAction {
  const match = matchAccount(p.index, row.values.externalId, row.values.domain);
  if (match.kind === 'ambiguous') {
    return { row: row.row, column: 'domain', message: `${match.count} accounts have the domain ${row.values.domain}; add an external_id to say which one.` };
  }
  if (match.kind === 'none') {
    const { name } = row.values;
    if (!name) return { row: row.row, column: 'name', message: 'Enter a name: this row creates a new account.' };
    if (!dry) p.plan.creates.push({ id: p.newId(), row: row.row, values: { ...row.values, name } });
    return 'create';
  }
  const current = p.byId.get(match.id)!;
  const earlier = p.targets.check(match.id, row.row);
  if (earlier) return { row: row.row, column: row.values.externalId ? 'external_id' : 'domain', message: `Row ${earlier} already updates the same account.` };
  if (dry) return 'update';
  const dates = datesError(row, current);
  if (dates) return dates;
  const { before, after } = diffFields<AccountValues>(row.values, current as AccountValues, sameValue);
  if (Object.keys(after).length === 0) return 'unchanged';
  p.plan.updates.push({ id: match.id, row: row.row, before, after });
  return 'update';
}

// a row whose keys are bad cannot be matched; other bad cells do not stop matching
const keyColumns: (string | null)[] = ['external_id', 'domain'];

/**
 * Decides for each valid row whether it creates an account, updates one (matched by external id,
 * else by domain) or changes nothing. `existing` holds the org's accounts that share an external
 * id or domain with the file; `newId` names the accounts to create.
 */
export function planAccounts(rows: AccountRow[], existing: ExistingAccount[], newId: () => string): AccountPlan {
  const plan: AccountPlan = { rows: [], creates: [], updates: [] };
  const p: Planner = { index: indexAccounts(existing), byId: new Map(existing.map((a) => [a.id, a])), targets: new SeenKeys(), plan, newId };
  const [ext, domains] = [new SeenKeys(), new SeenKeys()];
  for (const row of rows) {
    const errors = [...row.errors];
    const duplicate = duplicateError(row, ext, domains);
    if (duplicate) errors.push(duplicate);
    let action: RowAction | null = null;
    if (!errors.some((e) => e.column === null || keyColumns.includes(e.column))) {
      const dry = errors.length > 0;
      const outcome = planRow(p, row, dry);
      if (typeof outcome !== 'string') errors.push(outcome);
      else if (!dry) action = outcome;
    }
    plan.rows.push({ row: row.row, cells: row.cells, errors, action });
  }
  return plan;
}
