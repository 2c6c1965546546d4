import Link from 'next/link';
import type { Role } from '@/db/schema/enums';
import { RENEWAL_WINDOWS, RENEWAL_WINDOW_LABELS, renewalListHref, type RenewalListParams } from '@/lib/validation/renewal-list';

type Props = { base: string; query: RenewalListParams; role: Role };

const pill = (on: boolean) => `rounded px-3 py-1.5 font-medium ${on ? 'bg-blue-700 text-white' : 'text-gray-700 hover:bg-gray-100'}`;

/** Window and owner as links (the view lives in the URL); the current choice is marked in text, not only colour. */
export function RenewalFilters({ base, query, role }: Props) {
  const owners = [{ owner: 'me', label: 'My renewals' }, { owner: 'all', label: 'All renewals' }] as const;
  return (
    <div className="mb-4 flex flex-wrap items-center gap-3">
      <nav aria-label="Due window" className="inline-flex flex-wrap rounded-md border border-gray-300 bg-white p-0.5 text-sm">
        {RENEWAL_WINDOWS.map((w) => {
          const on = query.window === w;
          return (
            <Link key={w} href={renewalListHref(base, query, role, { window: w })} aria-current={on ? 'true' : undefined} className={pill(on)}>
              {on ? <span aria-hidden="true">✓ </span> : null}{RENEWAL_WINDOW_LABELS[w]}
            </Link>
          );
        })}
      </nav>
      <nav aria-label="Whose renewals" className="inline-flex rounded-md border border-gray-300 bg-white p-0.5 text-sm">
        {owners.map((o) => {
          const on = query.owner === o.owner;
          return (
            <Link key={o.owner} href={renewalListHref(base, query, role, { owner: o.owner })} aria-current={on ? 'true' : undefined} className={pill(on)}>
              {on ? <span aria-hidden="true">✓ </span> : null}{o.label}
            </Link>
          );
        })}
      </nav>
    </div>
  );
}
