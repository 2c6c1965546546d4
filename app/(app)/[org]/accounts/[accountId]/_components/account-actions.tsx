import Link from 'next/link';
import { ArchiveButton } from '@/components/accounts/archive-button';
import type { Role } from '@/db/schema/enums';
import { archiveAccountAction, restoreAccountAction } from '@/lib/actions/accounts';
import { hasRole } from '@/lib/auth/roles';

type Props = { orgSlug: string; accountId: string; archived: boolean; role: Role };

/**
 * The account page's header buttons: Edit and Archive for CSMs and up, Restore for admins.
 * Viewers get none (and the actions refuse them anyway).
 */
export function AccountActions({ orgSlug, accountId, archived, role }: Props) {
  if (!hasRole(role, 'csm')) return null;
  return (
    <div className="flex flex-wrap items-start gap-2">
      <Link href={`/${orgSlug}/accounts/${accountId}/edit`} className="rounded-md border border-gray-300 bg-white px-3 py-2 text-sm font-medium text-gray-800 hover:bg-gray-50">
        Edit
      </Link>
      {!archived ? (
        <ArchiveButton
          key="archive"
          action={archiveAccountAction.bind(null, orgSlug)}
          accountId={accountId}
          label="Archive"
          confirmText="Archive this account? It disappears from lists (its history stays); an admin can restore it."
        />
      ) : hasRole(role, 'admin') ? (
        <ArchiveButton key="restore" action={restoreAccountAction.bind(null, orgSlug)} accountId={accountId} label="Restore" />
      ) : (
        <p className="py-2 text-sm text-gray-700">Archived: an admin can restore it.</p>
      )}
    </div>
  );
}
