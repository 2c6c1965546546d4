// The text alternative of a chart: a visible caption with the key numbers and the whole series as a table that
// only screen readers see. Server-safe; the cells arrive formatted.

export function SeriesTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: { label: string; cells: string[] }[] }) {
  // sr-only on a wrapper: a table sizes itself to its content and would widen the page on phones
  return (
    <div className="sr-only">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>{columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              {r.cells.map((c, i) => <td key={i}>{c}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
