import type { CellError } from './cells';
import { csvColumns, type CsvColumn, type HeaderMap, type ImportKind } from './columns';
import type { PlannedRow } from './match';

/** Rows shown in the preview table; the counts cover the whole file. */
export const PREVIEW_ROWS = 200;
/** Errors listed under the table; past this the list says how many more there are. */
export const LISTED_ERRORS = 500;

export type ImportCounts = { rows: number; create: number; update: number; unchanged: number; invalid: number };

/** What the preview route answers and the page shows (plain JSON). */
export type ImportPreview = {
  kind: ImportKind;
  /** The known columns the file has, in the template's order. */
  columns: CsvColumn[];
  /** Headers that are not ours; their cells are ignored. */
  ignoredColumns: string[];
  /** Problems with the file as a whole (unreadable, header row, too many rows). */
  fileErrors: string[];
  counts: ImportCounts;
  rows: PlannedRow[];
  errors: CellError[];
  /** How many errors there are in all (errors holds at most LISTED_ERRORS). */
  errorCount: number;
  /** True when the file can be imported as it is. */
  ready: boolean;
};

const noCounts: ImportCounts = { rows: 0, create: 0, update: 0, unchanged: 0, invalid: 0 };

/** A preview of a file that could not be read row by row. */
export function fileProblem(kind: ImportKind, fileErrors: string[], map?: HeaderMap): ImportPreview {
  return {
    kind, columns: map ? presentColumns(kind, map) : [], ignoredColumns: map?.ignored ?? [], fileErrors,
    counts: noCounts, rows: [], errors: [], errorCount: 0, ready: false,
  };
}

const presentColumns = (kind: ImportKind, map: HeaderMap) => csvColumns[kind].filter((c) => map.index[c] !== undefined);

/** Counts the planned rows and keeps the first rows and errors for the page. */
export function summarize(kind: ImportKind, map: HeaderMap, rows: PlannedRow[]): ImportPreview {
  const counts = { ...noCounts, rows: rows.length };
  const errors: CellError[] = [];
  let errorCount = 0;
  for (const r of rows) {
    if (r.action) counts[r.action] += 1;
    if (r.errors.length) counts.invalid += 1;
    errorCount += r.errors.length;
    for (const e of r.errors) if (errors.length < LISTED_ERRORS) errors.push(e);
  }
  const fileErrors = rows.length === 0 ? ['The file has a header row but no data rows.'] : [];
  return {
    kind, columns: presentColumns(kind, map), ignoredColumns: map.ignored, fileErrors, counts,
    rows: rows.slice(0, PREVIEW_ROWS), errors, errorCount, ready: fileErrors.length === 0 && counts.invalid === 0,
  };
}
