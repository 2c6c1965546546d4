import { describe, expect, it } from 'vitest';
import { mapHeaders, stakeholderCsvColumns, type StakeholderCsvColumn } from './columns';
import { validateStakeholderRecords } from './stakeholder-rows';

const map = mapHeaders('stakeholders', [...stakeholderCsvColumns]);

function check(cells: Partial<Record<StakeholderCsvColumn, string>>) {
  const record = { row: 3, cells: stakeholderCsvColumns.map((c) => cells[c] ?? '') };
  return validateStakeholderRecords([record], map)[0];
}

describe('stakeholder row validation', () => {
  it.each<[StakeholderCsvColumn, string, unknown]>([
    ['email', 'Dana@Example.COM', { email: 'dana@example.com' }],
    ['role', 'Decision Maker', { role: 'decision_maker' }],
    ['role', 'economic-buyer', { role: 'economic_buyer' }],
    ['influence', 'HIGH', { influence: 'high' }],
    ['sentiment', 'negative', { sentiment: 'negative' }],
    ['is_primary', 'Yes', { isPrimary: true }],
    ['is_primary', '0', { isPrimary: false }],
    ['do_not_survey', 'TRUE', { doNotSurvey: true }],
    ['title', ' VP Sales ', { title: 'VP Sales' }],
    ['external_id', 'P-1', { externalId: 'P-1' }],
  ])('%s = %j is valid', (column, cell, values) => {
    const row = check({ account_external_id: 'CRM-1', [column]: cell });
    expect(row.errors).toEqual([]);
    expect(row.values).toEqual({ accountExternalId: 'CRM-1', ...(values as object) });
  });

  it.each<[StakeholderCsvColumn, string, string]>([
    ['email', 'not-an-email', 'Enter a valid email address.'],
    ['role', 'boss', 'Use one of: champion, decision_maker, economic_buyer, user, other.'],
    ['influence', 'huge', 'Use one of: low, medium, high.'],
    ['sentiment', 'meh', 'Use one of: positive, neutral, negative.'],
    ['is_primary', 'maybe', 'Use true or false.'],
    ['account_domain', 'not a domain', 'Enter a domain like example.com.'],
  ])('%s = %j: %s', (column, cell, message) => {
    const row = check({ account_external_id: 'CRM-1', name: 'Dana', [column]: cell });
    expect(row.errors).toEqual([{ row: 3, column, message }]);
  });

  it('needs the account external id or domain', () => {
    expect(check({ name: 'Dana' }).errors).toEqual([{ row: 3, column: 'account_external_id', message: 'Give the account\'s external id or domain.' }]);
    expect(check({ name: 'Dana', account_domain: 'Acme.com' }).values).toEqual({ name: 'Dana', accountDomain: 'acme.com' });
  });
});
