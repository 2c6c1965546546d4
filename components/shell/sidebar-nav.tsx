'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const items = [
  { href: '', label: 'Dashboard' },
  { href: '/accounts', label: 'Accounts' },
  { href: '/renewals', label: 'Renewals' },
  { href: '/alerts', label: 'Alerts' },
  { href: '/surveys', label: 'Surveys' },
  { href: '/settings', label: 'Settings' },
];

/** The main navigation; the current section is marked for screen readers too (aria-current). */
export function SidebarNav({ orgSlug, alertBadge }: { orgSlug: string; alertBadge?: { count: number; scope: 'mine' | 'all' } }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main">
      {/* wraps onto a second line on a phone instead of scrolling sideways, so the alerts badge is never cut off */}
      <ul className="flex flex-wrap gap-1 md:flex-col md:flex-nowrap">
        {items.map((item) => {
          const href = `/${orgSlug}${item.href}`;
          const current = item.href === '' ? pathname === href : pathname.startsWith(href);
          return (
            <li key={item.label}>
              <Link
                href={href}
                aria-current={current ? 'page' : undefined}
                className={`block whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium ${current ? 'bg-blue-50 text-blue-800' : 'text-gray-700 hover:bg-gray-100'}`}
              >
                {item.label}
                {item.href === '/alerts' && alertBadge && alertBadge.count > 0 ? (
                  // the number alone would not say what it counts: screen readers get the words
                  <>{' '}
                  <span className="ml-1.5 rounded-full bg-red-700 px-1.5 py-0.5 text-xs font-semibold text-white">
                    {alertBadge.count}<span className="sr-only"> open {alertBadge.scope === 'mine' ? 'assigned to you' : 'in all'}</span>
                  </span></>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
