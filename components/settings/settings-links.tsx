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
      <Card title="Playbooks">
        <p className="mb-2 text-sm text-gray-700">Conditions that open alerts (health, answers, renewals, usage, champions), who gets them and how they are notified.</p>
        <Link href={`/${orgSlug}/settings/playbooks`} className={link}>{isAdmin ? 'Manage playbooks' : 'See playbooks'}</Link>
      </Card>
      <Card title="Health score">
        <p className="mb-2 text-sm text-gray-700">The weights of the health factors, the band thresholds, a preview with a backtest, and past versions.</p>
        <Link href={`/${orgSlug}/settings/health`} className={link}>{isAdmin ? 'Adjust the health score' : 'See how the health score works'}</Link>
      </Card>
      <Card title="Audit log">
        <p className="mb-2 text-sm text-gray-700">Who created, changed or removed what, and when, with the values before and after.</p>
        {isAdmin ? (
          <Link href={`/${orgSlug}/settings/audit`} className={link}>Open the audit log</Link>
        ) : (
          <p className="text-sm text-gray-600">Only admins and owners can open it.</p>
        )}
      </Card>
      <Card title="API keys">
        <p className="mb-2 text-sm text-gray-700">Keys for your CRM, product and billing systems to push accounts, usage, revenue and tickets.</p>
        {isAdmin ? (
          <Link href={`/${orgSlug}/settings/api`} className={link}>Manage API keys</Link>
        ) : (
          <p className="text-sm text-gray-600">Only admins and owners can manage them.</p>
        )}
      </Card>
    </div>
  );
}
