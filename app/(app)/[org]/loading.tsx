/** Shown while a page's data loads; the shell stays in place. */
export default function Loading() {
  return (
    <div role="status" aria-label="Loading" className="animate-pulse space-y-4">
      <div className="h-8 w-64 rounded bg-gray-200" />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {[0, 1, 2, 3].map((i) => <div key={i} className="h-24 rounded-lg bg-gray-200" />)}
      </div>
      <div className="h-64 rounded-lg bg-gray-200" />
    </div>
  );
}
