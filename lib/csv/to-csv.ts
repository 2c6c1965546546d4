import Papa from 'papaparse';

// A cell starting with one of these is run as a formula by Excel, LibreOffice and Sheets.
// papaparse's own `escapeFormulae: true` misses a formula followed by a newline, hence our pattern.
const FORMULA = /^[=+\-@\t\r]/;

type Cell = string | number | boolean | null | undefined | Date;

/**
 * A CSV document (header row, then rows) safe to open in a spreadsheet: a text cell that could
 * start a formula is prefixed with a quote. Dates become YYYY-MM-DD; null is an empty cell.
 */
export function toCsv(header: string[], rows: Cell[][]): string {
  const text = rows.map((row) => row.map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : c ?? '')));
  return Papa.unparse({ fields: header, data: text }, { escapeFormulae: FORMULA, newline: '\r\n' });
}
