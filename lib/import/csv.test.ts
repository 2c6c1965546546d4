import { describe, expect, it } from 'vitest';
import { CsvFileError, decodeUtf8, parseCsv } from './csv';

describe('parseCsv', () => {
  it('numbers rows as a spreadsheet does: header is row 1, blank lines count but are skipped', () => {
    const table = parseCsv('name,domain\r\nA,a.com\r\n\r\n,\r\nB,b.com\r\n');
    expect(table.headers).toEqual(['name', 'domain']);
    expect(table.records).toEqual([
      { row: 2, cells: ['A', 'a.com'], error: undefined },
      { row: 5, cells: ['B', 'b.com'], error: undefined },
    ]);
  });

  it('reads semicolon files (Excel in many locales) and quoted delimiters', () => {
    const table = parseCsv('name;domain\n"Smith; Sons";smith.com\n');
    expect(table.records[0].cells).toEqual(['Smith; Sons', 'smith.com']);
  });

  it('strips a byte-order mark from the first header', () => {
    expect(parseCsv('\uFEFFname\nA\n').headers).toEqual(['name']);
  });

  it('flags a row with more filled cells than headers, but not trailing empty ones', () => {
    const table = parseCsv('name,domain\nA,a.com,extra\nB,b.com,\n');
    expect(table.records[0].error).toBe('This row has 3 cells but the header has 2 columns.');
    expect(table.records[1].error).toBeUndefined();
  });

  it('flags an unclosed quote on the row where it starts', () => {
    const table = parseCsv('name,domain\nA,a.com\n"B,b.com\nC,c.com\n');
    expect(table.records.map((r) => [r.row, Boolean(r.error)])).toEqual([[2, false], [3, true]]);
  });

  it.each([[''], ['   \n\n'], [',,\nA,b']])('refuses a file without a header row: %j', (text) => {
    expect(() => parseCsv(text)).toThrow(CsvFileError);
  });
});

describe('decodeUtf8', () => {
  it('decodes UTF-8 and refuses Latin-1 bytes', () => {
    expect(decodeUtf8(new TextEncoder().encode('name\nZoë\n'))).toBe('name\nZoë\n');
    expect(() => decodeUtf8(new Uint8Array([0x6e, 0x0a, 0x5a, 0x6f, 0xeb]))).toThrow('CSV UTF-8');
  });
});
