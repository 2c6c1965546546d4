import Link from 'next/link';
import { Card } from '@/components/ui/card';

const link = 'text-sm font-medium text-blue-700 underline';

/** The settings sub-pages; the audit log link only for those who may open it. */
export function SettingsLinks({ orgSlug, isAdmin }: { orgSlug: string; isAdmin: boolean }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Card title="Members">
        <p className="mb-2 text-sm text-gray-700">Who can sign in to this org, and their roles. Admins invite and manage members.</p>
        <Link href={`/${orgSlug}/settings/members`} className={link}>Manage members</Link>
      </Card>
      <Card title="Audit log">
        <p className="mb-2 text-sm text-gray-700">Who created, changed or removed what, and when, with the values before and after.</p>
        {isAdmin ? (
          <Link href={`/${orgSlug}/settings/audit`} className={link}>Open the audit log</Link>
        ) : (
          <p className="text-sm text-gray-600">Only admins and owners can open it.</p>
        )}
      </Card>
    </div>
  );
}
