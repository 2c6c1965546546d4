import { describe, expect, it } from 'vitest';
import { validateAccountRecords } from './account-rows';
import { accountCsvColumns, mapHeaders, type AccountCsvColumn } from './columns';

const members = new Map([['csm@example.test', 'user-1']]);
const map = mapHeaders('accounts', [...accountCsvColumns]);

/** One record with `cells` set by column name (others blank), as row 2. */
function check(cells: Partial<Record<AccountCsvColumn, string>>) {
  const record = { row: 2, cells: accountCsvColumns.map((c) => cells[c] ?? '') };
  return validateAccountRecords([record], map, members)[0];
}

describe('account row validation: one cell at a time', () => {
  it.each<[AccountCsvColumn, string, unknown]>([
    ['name', '  Acme  ', { name: 'Acme' }],
    ['domain', 'Acme.COM', { domain: 'acme.com' }],
    ['domain', 'https://Acme.com/', { domain: 'acme.com' }],
    ['external_id', 'CRM-1', { externalId: 'CRM-1' }],
    ['owner_email', 'CSM@example.test', { ownerId: 'user-1' }],
    ['segment', 'Mid-market', { segment: 'mid_market' }],
    ['segment', 'SMB', { segment: 'smb' }],
    ['stage', 'Adopting', { stage: 'adopting' }],
    ['licensed_seats', '0', { licensedSeats: 0 }],
    ['licensed_seats', '250', { licensedSeats: 250 }],
    ['contract_start', '2024-02-29', { contractStart: '2024-02-29' }],
    ['next_renewal_date', '2026-12-31', { nextRenewalDate: '2026-12-31' }],
  ])('%s = %j is valid', (column, cell, values) => {
    const row = check({ [column]: cell });
    expect(row.errors).toEqual([]);
    expect(row.values).toEqual(values);
  });

  it.each<[AccountCsvColumn, string, string]>([
    ['domain', 'acme', 'Enter a domain like example.com.'],
    ['owner_email', 'stranger@example.test', 'stranger@example.test is not a member of this org.'],
    ['segment', 'huge', 'Use one of: enterprise, mid_market, smb.'],
    ['stage', 'churned', 'Use one of: onboarding, adopting, mature, renewal.'],
    ['licensed_seats', '-5', 'Seats cannot be negative.'],
    ['licensed_seats', '2.5', 'Seats must be a whole number.'],
    ['licensed_seats', 'ten', 'Enter a whole number of seats, 0 or more (digits only).'],
    ['licensed_seats', '1,000', 'Enter a whole number of seats, 0 or more (digits only).'],
    ['contract_start', '01/02/2026', 'Use a date like 2026-01-31.'],
    ['contract_start', '2026-02-30', 'That date does not exist.'],
    ['next_renewal_date', '2025-13-01', 'That date does not exist.'],
    ['name', 'x'.repeat(201), 'Use at most 200 characters.'],
  ])('%s = %j: %s', (column, cell, message) => {
    const row = check({ name: 'Acme', [column]: cell });
    expect(row.errors).toEqual([{ row: 2, column, message }]);
    expect(row.values).not.toHaveProperty(column);
  });

  it('leaves blank cells out of the values (blank = keep the current value)', () => {
    expect(check({ name: 'Acme', segment: '   ', licensed_seats: '' }).values).toEqual({ name: 'Acme' });
  });

  it('refuses a renewal before the contract start in the same row', () => {
    const row = check({ name: 'Acme', contract_start: '2026-06-01', next_renewal_date: '2026-05-31' });
    expect(row.errors).toEqual([{ row: 2, column: 'next_renewal_date', message: 'The renewal date cannot be before the contract start.' }]);
  });

  it('reports every bad cell of a row, with the raw cells kept for the preview', () => {
    const row = check({ name: 'Acme', segment: 'huge', licensed_seats: '-1' });
    expect(row.errors.map((e) => e.column)).toEqual(['segment', 'licensed_seats']);
    expect(row.cells).toMatchObject({ name: 'Acme', segment: 'huge', licensed_seats: '-1' });
  });

  it('gives an unreadable record one row-level error and no values', () => {
    const [row] = validateAccountRecords([{ row: 7, cells: ['Acme', 'x'], error: 'Broken quotes.' }], map, members);
    expect(row.errors).toEqual([{ row: 7, column: null, message: 'Broken quotes.' }]);
    expect(row.values).toEqual({});
  });
});
