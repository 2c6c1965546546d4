import Papa from 'papaparse';

/** One data record of the file; `row` counts the header as row 1, as a spreadsheet shows it. */
export type CsvRecord = { row: number; cells: string[]; error?: string };

export type CsvTable = { headers: string[]; records: CsvRecord[] };

/** The file cannot be read at all (not a CSV, no header); the message is for the user. */
export class CsvFileError extends Error {}

// Excel in many European locales saves CSV with semicolons; the header row tells which one it is.
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.min(text.length, 10_000)).split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  const [best] = counts.sort((a, b) => b[1] - a[1]);
  return best[1] > 0 ? best[0] : ',';
}

/** Decodes an upload as UTF-8 (with or without a byte-order mark); other encodings are refused. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CsvFileError('The file is not UTF-8 text. Save it as "CSV UTF-8" and upload it again.');
  }
}

/**
 * Parses CSV text with papaparse. Blank lines are skipped but still counted, so row numbers
 * match what a spreadsheet shows. The caller limits the size of `text` (the upload limit).
 */
export function parseCsv(text: string): CsvTable {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) throw new CsvFileError('The file is empty.');
  const result = Papa.parse<string[]>(body, {
    delimiter: detectDelimiter(body),
    skipEmptyLines: false,
  });
  const [headers, ...rest] = result.data;
  if (!headers || headers.every((h) => !h.trim())) throw new CsvFileError('The first row must be the header row with column names.');
  const quoteErrors = new Map<number, string>();
  for (const e of result.errors) {
    if (e.type === 'Quotes' && e.row !== undefined) quoteErrors.set(e.row, 'A quoted cell is not closed; check the quotes in this row.');
  }
  const records: CsvRecord[] = [];
  rest.forEach((cells, i) => {
    if (cells.every((c) => !c.trim())) return; // a blank line, or a row of empty cells
    const error = quoteErrors.get(i + 1)
      ?? (cells.length > headers.length && cells.slice(headers.length).some((c) => c.trim())
        ? `This row has ${cells.length} cells but the header has ${headers.length} columns.`
        : undefined);
    records.push({ row: i + 2, cells, error });
  });
  return { headers, records };
}
