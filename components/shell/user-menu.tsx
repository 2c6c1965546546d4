'use client';

import { signOut } from 'next-auth/react';
import { roleLabels } from '@/lib/auth/roles';
import type { Role } from '@/db/schema/enums';

/** The signed-in user, their role in this org, and sign-out. */
export function UserMenu({ name, email, role }: { name: string; email: string; role: Role }) {
  return (
    <div className="border-t border-gray-200 px-3 pt-3 text-sm">
      <p className="truncate font-medium text-gray-900">{name}</p>
      <p className="truncate text-gray-600">{email} · {roleLabels[role]}</p>
      <button type="button" onClick={() => signOut({ callbackUrl: '/login' })} className="mt-2 text-blue-700 underline">
        Sign out
      </button>
    </div>
  );
}
