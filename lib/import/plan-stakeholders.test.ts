import { describe, expect, it } from 'vitest';
import type { AccountKey } from './match';
import { planStakeholders, type ExistingStakeholder } from './plan-stakeholders';
import type { StakeholderRow } from './stakeholder-rows';

const accounts: AccountKey[] = [
  { id: 'acc-1', externalId: 'CRM-1', domain: 'one.com' },
  { id: 'acc-2', externalId: null, domain: 'two.com' },
  { id: 'acc-3', externalId: null, domain: 'shared.com' },
  { id: 'acc-4', externalId: null, domain: 'Shared.com' },
];

const person = (over: Partial<ExistingStakeholder>): ExistingStakeholder => ({
  id: 'p', accountId: 'acc-1', externalId: null, email: null, name: 'Someone', title: null, role: 'user', influence: 'medium',
  sentiment: 'neutral', isPrimary: false, doNotSurvey: false, ...over,
});

const existing = [
  person({ id: 'p1', accountId: 'acc-1', externalId: 'P-1', email: 'dana@one.com', name: 'Dana' }),
  person({ id: 'p2', accountId: 'acc-2', email: 'Lee@Two.com', name: 'Lee' }),
  person({ id: 'p3', accountId: 'acc-2', email: 'twin@two.com', name: 'Twin A' }),
  person({ id: 'p4', accountId: 'acc-2', email: 'twin@two.com', name: 'Twin B' }),
];

const row = (n: number, values: StakeholderRow['values']): StakeholderRow => ({ row: n, cells: {}, values, errors: [] });

const run = (rows: StakeholderRow[]) => {
  let next = 0;
  return planStakeholders(rows, accounts, existing, () => `new-${++next}`);
};

describe('planStakeholders', () => {
  it.each<[string, StakeholderRow['values'], string, object]>([
    ['account by external id, person by external id', { accountExternalId: 'CRM-1', externalId: 'P-1', sentiment: 'negative' }, 'update', { id: 'p1', accountId: 'acc-1' }],
    ['account by domain, person by email (any case)', { accountDomain: 'two.com', email: 'lee@two.com', role: 'champion' }, 'update', { id: 'p2', accountId: 'acc-2' }],
    ['the same values change nothing', { accountDomain: 'two.com', email: 'lee@two.com', name: 'Lee' }, 'unchanged', {}],
    ['a new person on a known account is added', { accountExternalId: 'CRM-1', name: 'Sam', email: 'sam@one.com' }, 'create', { id: 'new-1', accountId: 'acc-1' }],
    ['a person of another account is not matched', { accountDomain: 'two.com', externalId: 'P-1', name: 'Dana' }, 'create', { accountId: 'acc-2' }],
  ])('%s', (_label, values, action, target) => {
    const plan = run([row(2, values)]);
    expect(plan.rows[0]).toMatchObject({ action, errors: [] });
    if (action === 'update') expect(plan.updates).toMatchObject([target]);
    if (action === 'create') expect(plan.creates).toMatchObject([target]);
    if (action === 'unchanged') expect([...plan.creates, ...plan.updates]).toEqual([]);
  });

  it.each<[string, StakeholderRow['values'], string, string]>([
    ['an unknown account external id', { accountExternalId: 'CRM-404', name: 'X' }, 'account_external_id', 'No account has the external id CRM-404.'],
    ['an unknown account domain', { accountDomain: 'nope.com', name: 'X' }, 'account_domain', 'No account has the domain nope.com.'],
    ['an ambiguous account domain', { accountDomain: 'shared.com', name: 'X' }, 'account_domain', '2 accounts have the domain shared.com; give the account_external_id instead.'],
    ['an ambiguous email', { accountDomain: 'two.com', email: 'twin@two.com' }, 'email', '2 stakeholders of this account have this email; add an external_id to say which one.'],
    ['a new person without a name', { accountExternalId: 'CRM-1', email: 'new@one.com' }, 'name', 'Enter a name: this row adds a new stakeholder.'],
  ])('%s is an error', (_label, values, column, message) => {
    const plan = run([row(5, values)]);
    expect(plan.rows[0]).toMatchObject({ action: null, errors: [{ row: 5, column, message }] });
    expect([...plan.creates, ...plan.updates]).toEqual([]);
  });

  it('reports the same person twice in the file, whichever account key each row used', () => {
    const plan = run([
      row(2, { accountExternalId: 'CRM-1', externalId: 'P-9', name: 'Nina' }),
      row(3, { accountDomain: 'one.com', externalId: 'P-9', name: 'Nina' }),
      row(4, { accountDomain: 'two.com', email: 'new@two.com', name: 'Ola' }),
      row(5, { accountDomain: 'two.com', email: 'new@two.com', name: 'Ola' }),
    ]);
    expect(plan.rows.map((r) => [r.action, r.errors.map((e) => e.message)])).toEqual([
      ['create', []],
      [null, ['Row 2 has the same stakeholder of the same account.']],
      ['create', []],
      [null, ['Row 4 has the same stakeholder of the same account.']],
    ]);
  });

  it('records only the changed fields of an update, with the before values', () => {
    const plan = run([row(2, { accountExternalId: 'CRM-1', externalId: 'P-1', name: 'Dana', title: 'CTO', isPrimary: true })]);
    expect(plan.updates).toEqual([{ id: 'p1', accountId: 'acc-1', name: 'Dana', row: 2, before: { title: null, isPrimary: false }, after: { title: 'CTO', isPrimary: true } }]);
  });
});
