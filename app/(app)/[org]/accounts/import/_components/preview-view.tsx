import { Alert } from '@/components/ui/alert';
import type { CellError } from '@/lib/import/cells';
import type { CsvColumn } from '@/lib/import/columns';
import type { PlannedRow, RowAction } from '@/lib/import/match';
import type { ImportPreview } from '@/lib/import/summary';

const n = (v: number) => v.toLocaleString('en-US');

const actionLabel: Record<RowAction, string> = { create: 'Create', update: 'Update', unchanged: 'No change' };

const where = (e: CellError) => `Row ${e.row}${e.column ? `, ${e.column}` : ''}`;

function Counts({ preview }: { preview: ImportPreview }) {
  const { counts } = preview;
  const items: [string, number, string][] = [
    ['Rows', counts.rows, 'text-gray-900'],
    ['To create', counts.create, 'text-emerald-800'],
    ['To update', counts.update, 'text-blue-800'],
    ['No change', counts.unchanged, 'text-gray-700'],
    ['With errors', counts.invalid, counts.invalid ? 'text-red-700' : 'text-gray-700'],
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
      {items.map(([label, value, tone]) => (
        <div key={label} className="rounded-md border border-gray-200 bg-white p-3">
          <dt className="text-xs text-gray-600">{label}</dt>
          <dd className={`text-lg font-semibold tabular-nums ${tone}`}>{n(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function ErrorList({ preview }: { preview: ImportPreview }) {
  if (preview.errorCount === 0) return null;
  const more = preview.errorCount - preview.errors.length;
  return (
    <section aria-labelledby="import-errors" className="space-y-2">
      <h3 id="import-errors" className="text-sm font-semibold text-gray-900">Errors ({n(preview.errorCount)})</h3>
      <ul className="max-h-72 list-disc space-y-0.5 overflow-y-auto rounded-md border border-red-200 bg-white py-2 pl-8 pr-3 text-sm text-gray-800">
        {preview.errors.map((e, i) => <li key={i}><strong>{where(e)}:</strong> {e.message}</li>)}
      </ul>
      {more > 0 ? <p className="text-sm text-gray-700">…and {n(more)} more. Fix these first, then upload the file again.</p> : null}
    </section>
  );
}

function Cell({ row, column }: { row: PlannedRow; column: CsvColumn }) {
  const errors = row.errors.filter((e) => e.column === column);
  const value = row.cells[column] ?? '';
  return (
    <td className={`max-w-[16rem] px-3 py-1.5 align-top ${errors.length ? 'bg-red-50' : ''}`}>
      <span className="block truncate" title={value}>{value || <><span aria-hidden="true" className="text-gray-400">·</span><span className="sr-only">blank</span></>}</span>
      {errors.map((e, i) => <span key={i} className="mt-0.5 block text-xs font-medium text-red-700">⚠ {e.message}</span>)}
    </td>
  );
}

function RowsTable({ preview }: { preview: ImportPreview }) {
  if (preview.rows.length === 0) return null;
  const caption = preview.counts.rows > preview.rows.length
    ? `The first ${n(preview.rows.length)} of ${n(preview.counts.rows)} rows`
    : `All ${n(preview.rows.length)} rows`;
  return (
    <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
      <table className="min-w-full text-left text-sm">
        <caption className="px-3 py-2 text-left text-xs text-gray-600">{caption}</caption>
        <thead className="bg-gray-50 text-gray-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Row</th>
            <th scope="col" className="px-3 py-2 font-medium">Result</th>
            {preview.columns.map((c) => <th key={c} scope="col" className="whitespace-nowrap px-3 py-2 font-mono text-xs font-medium">{c}</th>)}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {preview.rows.map((row) => (
            <tr key={row.row}>
              <th scope="row" className="px-3 py-1.5 text-left align-top font-normal tabular-nums">{row.row}</th>
              <td className="whitespace-nowrap px-3 py-1.5 align-top">
                {row.action ? actionLabel[row.action] : <span className="font-medium text-red-700">⚠ Error</span>}
                {row.errors.filter((e) => e.column === null).map((e, i) => <span key={i} className="block text-xs text-red-700">{e.message}</span>)}
              </td>
              {preview.columns.map((c) => <Cell key={c} row={row} column={c} />)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What the file would do: counts, problems with the file, every error by row and column, the first rows. */
export function PreviewView({ preview }: { preview: ImportPreview }) {
  return (
    <div className="space-y-4">
      {preview.fileErrors.length ? (
        <Alert tone="error">
          <p className="font-medium">This file cannot be imported:</p>
          <ul className="mt-1 list-disc pl-5">{preview.fileErrors.map((e) => <li key={e}>{e}</li>)}</ul>
        </Alert>
      ) : <Counts preview={preview} />}
      {preview.ignoredColumns.length ? (
        <Alert tone="info">These columns are not part of the {preview.kind} template and will be ignored: {preview.ignoredColumns.join(', ')}.</Alert>
      ) : null}
      <ErrorList preview={preview} />
      <RowsTable preview={preview} />
    </div>
  );
}
