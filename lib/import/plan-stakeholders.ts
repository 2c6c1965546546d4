import type { CellError } from './cells';
import {
  diffFields, indexAccounts, matchAccount, SeenKeys, type AccountIndex, type AccountKey, type Change, type PlannedRow, type RowAction,
} from './match';
import type { StakeholderRow, StakeholderValues } from './stakeholder-rows';

/** The fields a stakeholder row writes (the account keys only find the account). */
export type StakeholderFields = Omit<StakeholderValues, 'accountExternalId' | 'accountDomain'>;

/** The current values of a stakeholder a row may update. */
export type ExistingStakeholder = { id: string; accountId: string } & { [K in keyof StakeholderFields]: StakeholderFields[K] | null };

export type StakeholderCreate = { id: string; accountId: string; row: number; values: Partial<StakeholderFields> & { name: string } };

export type StakeholderPlan = { rows: PlannedRow[]; creates: StakeholderCreate[]; updates: (Change<StakeholderFields> & { accountId: string; name: string })[] };

const sameValue = (field: keyof StakeholderFields, a: unknown, b: unknown) =>
  field === 'email' && typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : a === b;

/** The account a stakeholder row names, or the error that says why it has none. */
export function resolveAccount(index: AccountIndex, row: StakeholderRow): { id: string } | CellError {
  const { accountExternalId: ext, accountDomain: domain } = row.values;
  const match = matchAccount(index, ext, domain);
  if (match.kind === 'found') return { id: match.id };
  if (match.kind === 'ambiguous') {
    return { row: row.row, column: 'account_domain', message: `${match.count} accounts have the domain ${domain}; give the account_external_id instead.` };
  }
  return ext
    ? { row: row.row, column: 'account_external_id', message: `No account has the external id ${ext}.` }
    : { row: row.row, column: 'account_domain', message: `No account has the domain ${domain}.` };
}

/** The existing stakeholders by (account, external id) and by (account, lower-cased email). */
function indexStakeholders(existing: ExistingStakeholder[]) {
  const byExt = new Map<string, ExistingStakeholder>();
  const byEmail = new Map<string, ExistingStakeholder[]>();
  for (const s of existing) {
    if (s.externalId) byExt.set(`${s.accountId}\n${s.externalId}`, s);
    if (s.email) {
      const key = `${s.accountId}\n${s.email.toLowerCase()}`;
      byEmail.set(key, [...(byEmail.get(key) ?? []), s]);
    }
  }
  return { byExt, byEmail };
}

type Planner = { people: ReturnType<typeof indexStakeholders>; inFile: SeenKeys; targets: SeenKeys; plan: StakeholderPlan; newId: () => string };

/**
 * Plans one row whose account is known: an error, or what it does. A `dry` row has errors in
 * other cells: it is matched only to report more of its problems at once, and records no write.
 */
function planRow(p: Planner, row: StakeholderRow, accountId: string, dry: boolean): CellError | RowAction {
  const { accountExternalId: _ext, accountDomain: _domain, ...values } = row.values;
  const { externalId: ext, email } = values;
  const key = ext ? `x\n${accountId}\n${ext}` : email ? `e\n${accountId}\n${email}` : null;
  const earlier = key ? p.inFile.check(key, row.row) : undefined;
  if (earlier) return { row: row.row, column: ext ? 'external_id' : 'email', message: `Row ${earlier} has the same stakeholder of the same account.` };
  const found = ext ? [p.people.byExt.get(`${accountId}\n${ext}`)].filter((s) => s !== undefined) : email ? p.people.byEmail.get(`${accountId}\n${email}`) ?? [] : [];
  if (found.length > 1) return { row: row.row, column: 'email', message: `${found.length} stakeholders of this account have this email; add an external_id to say which one.` };
  if (found.length === 0) {
    if (!values.name) return { row: row.row, column: 'name', message: 'Enter a name: this row adds a new stakeholder.' };
    if (!dry) p.plan.creates.push({ id: p.newId(), accountId, row: row.row, values: { ...values, name: values.name } });
    return 'create';
  }
  const [person] = found;
  const earlierTarget = p.targets.check(person.id, row.row);
  if (earlierTarget) return { row: row.row, column: ext ? 'external_id' : 'email', message: `Row ${earlierTarget} already updates the same stakeholder.` };
  if (dry) return 'update';
  const { before, after } = diffFields<StakeholderFields>(values, person as StakeholderFields, sameValue);
  if (Object.keys(after).length === 0) return 'unchanged';
  p.plan.updates.push({ id: person.id, accountId, name: values.name ?? person.name ?? '', row: row.row, before, after });
  return 'update';
}

// a row whose keys are bad cannot be matched; other bad cells do not stop matching
const keyColumns: (string | null)[] = ['account_external_id', 'account_domain', 'external_id', 'email'];

/**
 * Decides for each valid row which account it belongs to and whether it adds a stakeholder,
 * updates one (matched within the account by external id, else by email) or changes nothing.
 * `accounts` and `existing` are the org's rows that share a key with the file.
 */
export function planStakeholders(rows: StakeholderRow[], accounts: AccountKey[], existing: ExistingStakeholder[], newId: () => string): StakeholderPlan {
  const index = indexAccounts(accounts);
  const plan: StakeholderPlan = { rows: [], creates: [], updates: [] };
  const p: Planner = { people: indexStakeholders(existing), inFile: new SeenKeys(), targets: new SeenKeys(), plan, newId };
  for (const row of rows) {
    const errors = [...row.errors];
    let action: RowAction | null = null;
    const account = errors.some((e) => e.column === null || keyColumns.includes(e.column)) ? null : resolveAccount(index, row);
    if (account && 'id' in account) {
      const dry = errors.length > 0;
      const outcome = planRow(p, row, account.id, dry);
      if (typeof outcome !== 'string') errors.push(outcome);
      else if (!dry) action = outcome;
    } else if (account) errors.push(account);
    plan.rows.push({ row: row.row, cells: row.cells, errors, action });
  }
  return plan;
}
