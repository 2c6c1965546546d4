import { describe, expect, it } from 'vitest';
import { actionLabel, auditDiff, fieldLabel, formatAuditValue } from './audit-diff';

describe('fieldLabel', () => {
  it.each([
    ['licensedSeats', 'Licensed seats'],
    ['next_renewal_date', 'Next renewal date'],
    ['name', 'Name'],
    ['slug', 'Address (slug)'],
    ['alertHysteresis', 'Alert hysteresis margin'],
  ])('%s → %s', (key, label) => expect(fieldLabel(key)).toBe(label));
});

describe('formatAuditValue', () => {
  it.each<[unknown, string]>([
    [null, '(empty)'],
    [undefined, '(empty)'],
    ['', '(empty)'],
    [[], '(empty)'],
    [0, '0'],
    [45, '45'],
    [true, 'yes'],
    [false, 'no'],
    ['Acme', 'Acme'],
    [['login', 'export.csv'], 'login, export.csv'],
    ['2026-03-01T09:30:00.000Z', '2026-03-01 09:30 UTC'],
    ['2026-03-01', '2026-03-01'],
    [{ a: 1 }, '{"a":1}'],
  ])('%j → %s', (value, text) => expect(formatAuditValue(value)).toBe(text));

  it('clips long values to 120 characters', () => {
    const text = formatAuditValue('x'.repeat(500));
    expect(text).toHaveLength(120);
    expect(text.endsWith('…')).toBe(true);
  });
});

describe('auditDiff', () => {
  it('shows changed fields as from → to and equal ones as context', () => {
    expect(auditDiff({ email: 'a@x.test', role: 'csm' }, { email: 'a@x.test', role: 'admin' })).toEqual([
      { field: 'email', label: 'Email', kind: 'same', value: 'a@x.test' },
      { field: 'role', label: 'Role', kind: 'changed', from: 'csm', to: 'admin' },
    ]);
  });

  it('treats a created row as added fields and a deleted one as removed fields', () => {
    expect(auditDiff(null, { name: 'Dana', licensedSeats: 10 })).toEqual([
      { field: 'name', label: 'Name', kind: 'added', value: 'Dana' },
      { field: 'licensedSeats', label: 'Licensed seats', kind: 'added', value: '10' },
    ]);
    expect(auditDiff({ name: 'Gone Inc' }, null)).toEqual([{ field: 'name', label: 'Name', kind: 'removed', value: 'Gone Inc' }]);
  });

  it('leaves out the empty fields of a created or deleted row, not of a change', () => {
    expect(auditDiff(null, { name: 'Dana', domain: null, title: '' })).toEqual([{ field: 'name', label: 'Name', kind: 'added', value: 'Dana' }]);
    expect(auditDiff({ name: 'Gone', segment: null }, undefined)).toEqual([{ field: 'name', label: 'Name', kind: 'removed', value: 'Gone' }]);
    expect(auditDiff({ domain: null }, { domain: 'a.example' })).toEqual([{ field: 'domain', label: 'Domain', kind: 'changed', from: '(empty)', to: 'a.example' }]);
  });

  it('compares arrays by value and null against a list', () => {
    expect(auditDiff({ trackedFeatureKeys: null, surveyCooldownDays: 90 }, { trackedFeatureKeys: ['a', 'b'], surveyCooldownDays: 30 })).toEqual([
      { field: 'trackedFeatureKeys', label: 'Tracked feature keys', kind: 'changed', from: '(empty)', to: 'a, b' },
      { field: 'surveyCooldownDays', label: 'Survey cooldown days', kind: 'changed', from: '90', to: '30' },
    ]);
    expect(auditDiff({ k: ['a'] }, { k: ['a'] })).toEqual([{ field: 'k', label: 'K', kind: 'same', value: 'a' }]);
  });

  it('never shows hashes or tokens', () => {
    expect(auditDiff({ tokenHash: 'abc' }, { tokenHash: 'def' })).toEqual([{ field: 'tokenHash', label: 'Token hash', kind: 'same', value: '(hidden)' }]);
  });

  it('ignores before/after that are not objects', () => {
    expect(auditDiff('x', [1, 2])).toEqual([]);
  });
});

describe('actionLabel', () => {
  it.each([
    ['org.updated', 'Org updated'],
    ['member.role_changed', 'Member role changed'],
  ])('%s → %s', (action, label) => expect(actionLabel(action)).toBe(label));
});
