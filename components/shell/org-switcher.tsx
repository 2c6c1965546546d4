import Link from 'next/link';

type Org = { slug: string; name: string };

/** Shows the current org; users in several orgs get a menu of the others (works without JS). */
export function OrgSwitcher({ current, orgs }: { current: Org; orgs: Org[] }) {
  const others = orgs.filter((o) => o.slug !== current.slug);
  if (others.length === 0) return <p className="truncate px-3 text-sm font-semibold text-gray-900">{current.name}</p>;
  return (
    <details className="relative px-3">
      <summary className="cursor-pointer truncate text-sm font-semibold text-gray-900" aria-label={`Organization: ${current.name}. Switch organization`}>
        {current.name}
      </summary>
      <ul className="absolute left-3 z-10 mt-1 w-56 rounded-md border border-gray-200 bg-white py-1 shadow-lg">
        {others.map((o) => (
          <li key={o.slug}>
            <Link href={`/${o.slug}`} className="block px-3 py-2 text-sm text-gray-800 hover:bg-gray-100">{o.name}</Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
