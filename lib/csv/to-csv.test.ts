import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from './to-csv';

describe('toCsv', () => {
  it('writes a header, quotes what needs quoting and leaves blanks for null', () => {
    expect(toCsv(['a', 'b', 'c'], [['x, y', 'say "hi"', null], [1, 0, undefined]])).toBe('a,b,c\r\n"x, y","say ""hi""",\r\n1,0,');
  });

  it('prefixes cells that a spreadsheet would run as a formula, multi-line ones included', () => {
    const cells = ['=HYPERLINK("http://evil")', '+1', '-2+3', '@SUM(A1)', '\tx', '=1\n+2'];
    const csv = toCsv(['v'], cells.map((c) => [c]));
    const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data.slice(1).map((r) => r[0]);
    expect(parsed).toEqual(cells.map((c) => `'${c}`));
  });

  it('leaves numbers and ordinary text alone and writes dates as days', () => {
    expect(toCsv(['n', 't', 'd'], [[-5, 'a-b', new Date('2026-03-04T23:00:00Z')]])).toBe('n,t,d\r\n-5,a-b,2026-03-04');
  });
});
