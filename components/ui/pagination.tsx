import Link from 'next/link';

/** Previous/next links that keep the other search params. */
export function Pagination({ page, pageSize, total, params }: { page: number; pageSize: number; total: number; params: Record<string, string | undefined> }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(params).filter(([, v]) => v)), page: String(p) } as Record<string, string>)}`;
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm text-gray-700">
      <p>Page {page} of {pages} · {total.toLocaleString('en-US')} in all</p>
      <div className="flex gap-2">
        {page > 1 ? <Link href={href(page - 1)} className="rounded-md border border-gray-300 bg-white px-3 py-1">Previous</Link> : null}
        {page < pages ? <Link href={href(page + 1)} className="rounded-md border border-gray-300 bg-white px-3 py-1">Next</Link> : null}
      </div>
    </nav>
  );
}
