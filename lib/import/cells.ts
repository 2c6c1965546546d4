import type { z } from 'zod';
import type { CsvRecord } from './csv';
import type { CsvColumn, HeaderMap } from './columns';

/** Which row, which column, why: what the preview shows for every problem. */
export type CellError = { row: number; column: CsvColumn | null; message: string };

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** A row after its cells were checked on their own (before matching against the database). */
export type ValidatedRow<V> = {
  row: number;
  /** The raw cells of the known columns, for the preview table. */
  cells: Partial<Record<CsvColumn, string>>;
  /** Only the columns with a non-blank cell: a blank cell leaves the current value unchanged. */
  values: V;
  errors: CellError[];
};

/**
 * Parses one cell with a shared field schema. zod's generic messages ("Invalid input: expected
 * number, received NaN") mean nothing to someone holding a spreadsheet, so `hint` replaces them.
 */
export function parseWith<T>(schema: z.ZodType<T>, input: unknown, hint: string): Parsed<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const message = result.error.issues[0]?.message ?? hint;
  return { ok: false, message: /^(Invalid|Too big|Too small) /.test(message) ? hint : message };
}

/** "Mid-market", "mid market" and "MID_MARKET" all name the enum value mid_market. */
export const normalizeEnum = (cell: string) => cell.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** An enum cell, matched by value after normalizing; the message lists the values (a form's "Choose a role" does not help here). */
export function parseEnum<T extends string>(schema: z.ZodType, values: readonly T[], cell: string): Parsed<T> {
  const parsed = parseWith(schema, normalizeEnum(cell), '') as Parsed<T>;
  return parsed.ok ? parsed : { ok: false, message: `Use one of: ${values.join(', ')}.` };
}

const truthy = new Set(['true', 'yes', 'y', '1', 'x']);
const falsy = new Set(['false', 'no', 'n', '0']);

/** true/false, yes/no, 1/0 (any case). */
export function parseBool(cell: string): Parsed<boolean> {
  const v = cell.trim().toLowerCase();
  if (truthy.has(v)) return { ok: true, value: true };
  if (falsy.has(v)) return { ok: true, value: false };
  return { ok: false, message: 'Use true or false.' };
}

/** How one column's cell becomes one field of the row's values. */
export type FieldSpec<V> = { column: CsvColumn; field: keyof V; parse: (cell: string) => Parsed<unknown> };

/**
 * Checks the non-blank cells of one record against `specs`. A record that papaparse could not
 * read (an open quote, too many cells) gets that one error and no values.
 */
export function validateRecord<V>(record: CsvRecord, map: HeaderMap, specs: FieldSpec<V>[]): ValidatedRow<Partial<V>> {
  const cells: Partial<Record<CsvColumn, string>> = {};
  const values: Partial<V> = {};
  const errors: CellError[] = [];
  for (const spec of specs) {
    const i = map.index[spec.column];
    if (i === undefined) continue;
    const cell = (record.cells[i] ?? '').trim();
    cells[spec.column] = cell;
    if (!cell || record.error) continue;
    const parsed = spec.parse(cell);
    if (parsed.ok) values[spec.field] = parsed.value as V[keyof V];
    else errors.push({ row: record.row, column: spec.column, message: parsed.message });
  }
  if (record.error) errors.push({ row: record.row, column: null, message: record.error });
  return { row: record.row, cells, values, errors };
}
