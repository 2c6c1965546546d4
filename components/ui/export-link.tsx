/** "Export CSV": a plain download link to a list's export route, carrying the list's filters. */
export function ExportLink({ href, label = 'Export CSV' }: { href: string; label?: string }) {
  return (
    <a href={href} className="inline-block rounded-md border border-gray-300 bg-white px-3 py-2 text-sm font-medium text-gray-800 hover:bg-gray-50">
      {label}
    </a>
  );
}
