import Link from 'next/link';
import type { Role } from '@/db/schema/enums';
import { accountListHref, type AccountListParams } from '@/lib/validation/accounts';

/** One click between the CSM's own book and the whole portfolio; the current one is marked in text too. */
export function OwnerToggle({ base, query, role }: { base: string; query: AccountListParams; role: Role }) {
  const items = [
    { owner: 'me', label: 'My accounts' },
    { owner: 'all', label: 'All accounts' },
  ] as const;
  return (
    <nav aria-label="Whose accounts" className="inline-flex rounded-md border border-gray-300 bg-white p-0.5 text-sm">
      {items.map((i) => {
        const on = query.owner === i.owner;
        return (
          <Link
            key={i.owner}
            href={accountListHref(base, query, role, { owner: i.owner })}
            aria-current={on ? 'true' : undefined}
            className={`rounded px-3 py-1.5 font-medium ${on ? 'bg-blue-700 text-white' : 'text-gray-700 hover:bg-gray-100'}`}
          >
            {on ? <span aria-hidden="true">✓ </span> : null}{i.label}
          </Link>
        );
      })}
    </nav>
  );
}
