import { auditDiff } from '@/lib/audit-diff';

/** The changed fields of an entry as "Field: old → new" lines; screen readers hear "from … to …". */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const lines = auditDiff(before, after);
  if (lines.length === 0) return <p className="text-sm text-gray-600">No field values recorded.</p>;
  return (
    <ul className="space-y-0.5 text-sm">
      {lines.map((l) => (
        <li key={l.field} className="break-words">
          <span className="font-medium text-gray-800">{l.label}:</span>{' '}
          {l.kind === 'changed' ? (
            <>
              <span className="sr-only">from </span>
              <del className="text-gray-600">{l.from}</del>
              <span aria-hidden="true"> → </span>
              <span className="sr-only"> to </span>
              <ins className="font-medium text-gray-900 no-underline">{l.to}</ins>
            </>
          ) : (
            <span className={l.kind === 'same' ? 'text-gray-600' : 'text-gray-900'}>
              {l.value}
              {l.kind === 'removed' ? <span className="text-gray-600"> (removed)</span> : null}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
