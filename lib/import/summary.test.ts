import { describe, expect, it } from 'vitest';
import { mapHeaders } from './columns';
import type { PlannedRow } from './match';
import { LISTED_ERRORS, PREVIEW_ROWS, summarize } from './summary';

const map = mapHeaders('accounts', ['Name', 'Licensed Seats', 'Extra']);

const planned = (i: number, bad: number): PlannedRow => ({
  row: i + 2,
  cells: { name: `A${i}` },
  errors: Array.from({ length: bad }, () => ({ row: i + 2, column: 'licensed_seats' as const, message: 'Seats cannot be negative.' })),
  action: bad ? null : (['create', 'update', 'unchanged'] as const)[i % 3],
});

describe('summarize', () => {
  it('counts every row but keeps only the first rows and errors for the page', () => {
    const rows = Array.from({ length: 1_000 }, (_, i) => planned(i, i % 10 === 0 ? 6 : 0));
    const preview = summarize('accounts', map, rows);
    expect(preview.counts).toEqual({ rows: 1_000, create: 300, update: 300, unchanged: 300, invalid: 100 });
    expect(preview.rows).toHaveLength(PREVIEW_ROWS);
    expect(preview.errors).toHaveLength(LISTED_ERRORS);
    expect(preview.errorCount).toBe(600);
    expect(preview.ready).toBe(false);
    expect(preview.columns).toEqual(['name', 'licensed_seats']);
    expect(preview.ignoredColumns).toEqual(['Extra']);
  });

  it('is ready only with rows and no errors', () => {
    expect(summarize('accounts', map, [planned(0, 0)]).ready).toBe(true);
    const empty = summarize('accounts', map, []);
    expect([empty.ready, empty.fileErrors]).toEqual([false, ['The file has a header row but no data rows.']]);
  });
});
