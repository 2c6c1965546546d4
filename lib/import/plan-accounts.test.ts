import { describe, expect, it } from 'vitest';
import type { AccountRow } from './account-rows';
import { planAccounts, type ExistingAccount } from './plan-accounts';

const account = (over: Partial<ExistingAccount>): ExistingAccount => ({
  id: 'a1', externalId: null, domain: null, name: 'Acme', ownerId: null, segment: null, stage: 'onboarding',
  licensedSeats: null, contractStart: null, nextRenewalDate: null, ...over,
});

const row = (n: number, values: AccountRow['values'], errors: AccountRow['errors'] = []): AccountRow => ({ row: n, cells: {}, values, errors });

let next = 0;
const newId = () => `new-${++next}`;

const plan = (rows: AccountRow[], existing: ExistingAccount[]) => {
  next = 0;
  return planAccounts(rows, existing, newId);
};

describe('planAccounts', () => {
  const existing = [
    account({ id: 'x1', externalId: 'CRM-1', domain: 'one.com', name: 'One', licensedSeats: 10 }),
    account({ id: 'd2', domain: 'Two.com', name: 'Two' }),
    account({ id: 's3', domain: 'shared.com', name: 'Shared A' }),
    account({ id: 's4', domain: 'shared.com', name: 'Shared B' }),
  ];

  it.each<[string, AccountRow['values'], string | null, unknown]>([
    ['a new external id creates', { name: 'New', externalId: 'CRM-9' }, 'create', null],
    ['an external id matches even with another domain', { externalId: 'CRM-1', domain: 'elsewhere.com', licensedSeats: 20 }, 'update', { id: 'x1', before: { domain: 'one.com', licensedSeats: 10 }, after: { domain: 'elsewhere.com', licensedSeats: 20 } }],
    ['an external id match with the same values changes nothing', { externalId: 'CRM-1', name: 'One' }, 'unchanged', null],
    ['no external id: matched by domain, case-insensitively', { domain: 'two.com', stage: 'mature' }, 'update', { id: 'd2', before: { stage: 'onboarding' }, after: { stage: 'mature' } }],
    ['an unknown external id does not take a domain whose account has another id', { name: 'One again', externalId: 'CRM-2', domain: 'one.com' }, 'create', null],
    ['an unknown external id claims the one account without an id on its domain', { name: 'Two', externalId: 'CRM-2b', domain: 'TWO.com' }, 'update', { id: 'd2', before: { externalId: null }, after: { externalId: 'CRM-2b' } }],
    ['an unknown external id on a domain two accounts without ids share creates', { name: 'Shared C', externalId: 'CRM-5', domain: 'shared.com' }, 'create', null],
    ['no keys at all creates', { name: 'Loose' }, 'create', null],
  ])('%s', (_label, values, action, update) => {
    const result = plan([row(2, values)], existing);
    expect(result.rows[0]).toMatchObject({ row: 2, errors: [], action });
    expect(result.updates).toEqual(update ? [{ row: 2, ...(update as object) }] : []);
    expect(result.creates).toEqual(action === 'create' ? [{ id: 'new-1', row: 2, values }] : []);
  });

  it.each<[string, AccountRow['values'], string, string]>([
    ['a shared domain is ambiguous', { domain: 'shared.com', name: 'X' }, 'domain', '2 accounts have the domain shared.com; add an external_id to say which one.'],
    ['a new account needs a name', { externalId: 'CRM-77' }, 'name', 'Enter a name: this row creates a new account.'],
    ['a renewal before the stored contract start', { externalId: 'CRM-1', nextRenewalDate: '2020-01-01' }, 'next_renewal_date', 'The renewal date cannot be before the contract start (the account\'s contract starts 2021-06-01).'],
    ['a contract start after the stored renewal', { externalId: 'CRM-1', contractStart: '2031-01-01' }, 'contract_start', 'The contract start cannot be after the account\'s renewal date (2030-01-01).'],
  ])('%s is an error', (_label, values, column, message) => {
    const dated = existing.map((a) => (a.id === 'x1' ? { ...a, contractStart: '2021-06-01', nextRenewalDate: '2030-01-01' } : a));
    const result = plan([row(4, values)], dated);
    expect(result.rows[0]).toMatchObject({ action: null, errors: [{ row: 4, column, message }] });
    expect(result.creates).toEqual([]);
    expect(result.updates).toEqual([]);
  });

  it('reports duplicates inside the file on the later row', () => {
    const result = plan([
      row(2, { name: 'A', externalId: 'E-1' }),
      row(3, { name: 'B', externalId: 'E-1' }),
      row(4, { name: 'C', domain: 'c.com' }),
      row(5, { name: 'D', domain: 'c.com' }),
      row(6, { externalId: 'CRM-1', name: 'One' }),
      row(7, { domain: 'one.com', name: 'One' }),
    ], existing);
    expect(result.rows.map((r) => [r.row, r.action, r.errors.map((e) => `${e.column}: ${e.message}`)])).toEqual([
      [2, 'create', []],
      [3, null, ['external_id: The external id E-1 is also in row 2.']],
      [4, 'create', []],
      [5, null, ['domain: The domain c.com is also in row 4; give each row an external_id to tell them apart.']],
      [6, 'unchanged', []],
      [7, null, ['domain: Row 6 already updates the same account.']],
    ]);
  });

  it('still matches a row with a bad cell, to report its other problems at once, but plans no write', () => {
    const cellError = { row: 2, column: 'segment' as const, message: 'Use one of: enterprise, mid_market, smb.' };
    const result = plan([row(2, { externalId: 'CRM-new' }, [cellError]), row(3, { domain: 'shared.com', licensedSeats: 3 }, [{ ...cellError, row: 3 }])], existing);
    expect(result.rows.map((r) => r.errors.map((e) => e.column))).toEqual([['segment', 'name'], ['segment', 'domain']]);
    expect(result.rows.map((r) => r.action)).toEqual([null, null]);
    expect([...result.creates, ...result.updates]).toEqual([]);
  });

  it('does not match a row whose key cell is bad', () => {
    const keyError = { row: 2, column: 'domain' as const, message: 'Enter a domain like example.com.' };
    expect(plan([row(2, {}, [keyError])], existing).rows[0].errors).toEqual([keyError]);
  });

  it('keeps cell errors and plans no write for a row that has them', () => {
    const cellError = { row: 2, column: 'licensed_seats' as const, message: 'Seats cannot be negative.' };
    const result = plan([row(2, { externalId: 'CRM-1' }, [cellError])], existing);
    expect(result.rows[0]).toEqual({ row: 2, cells: {}, errors: [cellError], action: null });
    expect(result.updates).toEqual([]);
  });
});
