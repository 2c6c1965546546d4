import { describe, expect, it } from 'vitest';
import { accountItemSchema, usageEventItemSchema } from '@/lib/validation/api';
import { duplicates, parseBatch, settle } from './batch';
import { ApiError, detailsOf } from './errors';

describe('parseBatch', () => {
  it('keeps valid items with their index and names each bad item, field and reason', () => {
    const r = parseBatch(accountItemSchema, { items: [{ externalId: 'a', name: 'A' }, { externalId: '', name: 'B', extra: 1 }, 'nope'] }, 10);
    expect(r.received).toBe(3);
    expect(r.items).toEqual([{ index: 0, value: { externalId: 'a', name: 'A' } }]);
    expect(r.errors).toEqual([
      { index: 1, field: 'externalId', message: 'Give the external id.' },
      { index: 1, field: '', message: 'Unknown field: extra.' },
      { index: 2, field: '', message: 'Invalid input: expected object, received string' },
    ]);
  });

  it('hashes email user keys and refuses more items than the limit with 413', () => {
    const r = parseBatch(usageEventItemSchema, { items: [{ accountExternalId: 'a', userKey: ' Ann@X.io ', occurredAt: '2026-01-01T00:00:00Z' }] }, 1);
    expect(r.items[0].value.userKey).toMatch(/^[0-9a-f]{64}$/);
    const err = (() => { try { parseBatch(usageEventItemSchema, { items: [{}, {}] }, 1); } catch (e) { return e; } })();
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(413);
  });
});

describe('duplicates and settle', () => {
  it('marks later repeats of a key and fails all-or-nothing batches only', () => {
    const d = duplicates([{ index: 0, value: 'x' }, { index: 1, value: 'y' }, { index: 2, value: 'x' }], (v) => v, 'externalId');
    expect(d.kept.map((k) => k.index)).toEqual([0, 1]);
    expect(d.errors).toEqual([{ index: 2, field: 'externalId', message: 'Item 0 has the same externalId; send each record once per batch.' }]);
    expect(() => settle(d.errors, true)).not.toThrow();
    expect(() => settle(d.errors, false)).toThrow(ApiError);
    expect(() => settle([], false)).not.toThrow();
  });
});

describe('detailsOf', () => {
  it.each([
    [{ '3.mrr': ['Too big.'] }, [{ index: 3, field: 'mrr', message: 'Too big.' }]],
    [{ name: ['Enter a name.', 'Too long.'] }, [{ field: 'name', message: 'Enter a name.' }, { field: 'name', message: 'Too long.' }]],
    [{ _: ['Whole body.'] }, [{ field: '', message: 'Whole body.' }]],
    [{ '7': ['Whole item.'] }, [{ index: 7, field: '', message: 'Whole item.' }]],
  ])('%j → %j', (input, expected) => {
    expect(detailsOf(input)).toEqual(expected);
  });
});
