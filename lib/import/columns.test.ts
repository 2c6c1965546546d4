import { describe, expect, it } from 'vitest';
import { mapHeaders, normalizeHeader, templateCsv } from './columns';

describe('normalizeHeader', () => {
  it.each([
    ['name', 'name'],
    ['Name', 'name'],
    ['  NAME  ', 'name'],
    ['Next Renewal Date', 'next_renewal_date'],
    ['next-renewal-date', 'next_renewal_date'],
    ['Next - Renewal  Date', 'next_renewal_date'],
    ['External_ID', 'external_id'],
    ['\uFEFFname', 'name'],
    ['account external id', 'account_external_id'],
    ['Do-Not-Survey', 'do_not_survey'],
    ['_seats_', 'seats'],
    ['', ''],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeHeader(input)).toBe(expected);
  });
});

describe('mapHeaders', () => {
  it('maps known headers to their column index, in any spelling and order', () => {
    const map = mapHeaders('accounts', ['Licensed Seats', 'NAME', 'external-id', 'Notes']);
    expect(map).toEqual({ index: { licensed_seats: 0, name: 1, external_id: 2 }, ignored: ['Notes'], errors: [] });
  });

  it('requires a name column', () => {
    expect(mapHeaders('accounts', ['domain']).errors).toEqual(['The header row needs a "name" column.']);
  });

  it('refuses a column given twice', () => {
    expect(mapHeaders('accounts', ['name', 'Domain', 'domain']).errors).toEqual(['The column "domain" appears more than once in the header row.']);
  });

  it('needs a way to find the account of each stakeholder', () => {
    expect(mapHeaders('stakeholders', ['name', 'email']).errors).toHaveLength(1);
    expect(mapHeaders('stakeholders', ['name', 'Account Domain']).errors).toEqual([]);
    expect(mapHeaders('stakeholders', ['name', 'account_external_id']).errors).toEqual([]);
  });

  it('ignores account-only headers in a stakeholder file and says so', () => {
    expect(mapHeaders('stakeholders', ['name', 'account_domain', 'segment']).ignored).toEqual(['segment']);
  });
});

describe('templateCsv', () => {
  it('has the full header row and maps without errors or ignored columns', () => {
    for (const kind of ['accounts', 'stakeholders'] as const) {
      const [header, example] = templateCsv(kind).trim().split('\n');
      const map = mapHeaders(kind, header.split(','));
      expect(map.errors).toEqual([]);
      expect(map.ignored).toEqual([]);
      expect(example.split(',')).toHaveLength(header.split(',').length);
    }
    expect(templateCsv('accounts').split('\n')[0]).toBe('name,domain,external_id,owner_email,segment,stage,licensed_seats,contract_start,next_renewal_date');
  });
});
