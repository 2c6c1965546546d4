import type { CellError } from './cells';
import type { CsvColumn } from './columns';

/** What an import needs to know of an existing account to match a row to it. */
export type AccountKey = { id: string; externalId: string | null; domain: string | null };

export type AccountIndex = { byExternalId: Map<string, string>; byDomain: Map<string, string[]>; unkeyedByDomain: Map<string, string[]> };

const add = (map: Map<string, string[]>, key: string, id: string) => map.set(key, [...(map.get(key) ?? []), id]);

/** Indexes the org's accounts by external id and by lower-cased domain (all of them, and those without an external id). */
export function indexAccounts(accounts: AccountKey[]): AccountIndex {
  const byExternalId = new Map<string, string>();
  const byDomain = new Map<string, string[]>();
  const unkeyedByDomain = new Map<string, string[]>();
  for (const a of accounts) {
    if (a.externalId) byExternalId.set(a.externalId, a.id);
    if (a.domain) {
      add(byDomain, a.domain.toLowerCase(), a.id);
      if (!a.externalId) add(unkeyedByDomain, a.domain.toLowerCase(), a.id);
    }
  }
  return { byExternalId, byDomain, unkeyedByDomain };
}

export type AccountMatch = { kind: 'found'; id: string } | { kind: 'none' } | { kind: 'ambiguous'; count: number };

/**
 * By external id when there is one, else by domain; several accounts on one domain is ambiguous. An external id
 * nobody has yet claims the one account on the row's domain that has no external id (made in the app before the
 * CRM sync), so a first import with ids does not duplicate it; otherwise it is a new account.
 */
export function matchAccount(index: AccountIndex, externalId?: string, domain?: string): AccountMatch {
  if (externalId) {
    const id = index.byExternalId.get(externalId);
    if (id) return { kind: 'found', id };
    const unkeyed = domain ? index.unkeyedByDomain.get(domain.toLowerCase()) ?? [] : [];
    return unkeyed.length === 1 ? { kind: 'found', id: unkeyed[0] } : { kind: 'none' };
  }
  if (!domain) return { kind: 'none' };
  const ids = index.byDomain.get(domain.toLowerCase()) ?? [];
  if (ids.length > 1) return { kind: 'ambiguous', count: ids.length };
  return ids.length === 1 ? { kind: 'found', id: ids[0] } : { kind: 'none' };
}

/** What the preview says each row will do; null when the row has errors. */
export type RowAction = 'create' | 'update' | 'unchanged';

export type PlannedRow = {
  row: number;
  cells: Partial<Record<CsvColumn, string>>;
  errors: CellError[];
  action: RowAction | null;
};

/** An update of one existing row: only the fields whose value changes, before and after. */
export type Change<T> = { id: string; row: number; before: Partial<T>; after: Partial<T> };

/** The fields of `values` that differ from `current`; `same` decides equality per field. */
export function diffFields<T extends object>(
  values: Partial<T>,
  current: T,
  same: (field: keyof T, a: unknown, b: unknown) => boolean = (_f, a, b) => a === b,
): { before: Partial<T>; after: Partial<T> } {
  const before: Partial<T> = {};
  const after: Partial<T> = {};
  for (const field of Object.keys(values) as (keyof T)[]) {
    const next = values[field];
    if (next === undefined || same(field, next, current[field])) continue;
    before[field] = current[field];
    after[field] = next;
  }
  return { before, after };
}

/** Remembers the first row each key was seen in, to report in-file duplicates. */
export class SeenKeys {
  private readonly rows = new Map<string, number>();

  /** The earlier row with this key, or undefined (and the key is remembered for `row`). */
  check(key: string, row: number): number | undefined {
    const earlier = this.rows.get(key);
    if (earlier === undefined) this.rows.set(key, row);
    return earlier;
  }
}
