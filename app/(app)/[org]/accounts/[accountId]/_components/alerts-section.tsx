import Link from 'next/link';
import { AlertCard } from '@/components/alerts/alert-card';
import { assignAlertAction, resolveAlertAction, snoozeAlertAction } from '@/lib/actions/alerts';
import { hasRole } from '@/lib/auth/roles';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { listAccountAlerts } from '@/lib/dal/alerts';
import { listMembers } from '@/lib/dal/members';
import { orgToday } from '@/lib/dal/notes';
import { addDays } from '@/lib/kpi/period';

/** The account's open and snoozed alerts (with the inbox actions) and its latest resolved ones. */
export async function AlertsSection({ ctx, accountId }: { ctx: TenantCtx; accountId: string }) {
  const canAct = hasRole(ctx.role, 'csm');
  const [{ active, resolved }, members, today] = await Promise.all([listAccountAlerts(ctx, accountId), canAct ? listMembers(ctx) : [], orgToday(ctx)]);
  const slug = ctx.orgSlug;
  const actions = canAct ? { assign: assignAlertAction.bind(null, slug), snooze: snoozeAlertAction.bind(null, slug), resolve: resolveAlertAction.bind(null, slug) } : undefined;
  const assignable = members.filter((m) => hasRole(m.role, 'csm')).map((m) => ({ id: m.userId, name: m.name }));
  const card = (a: (typeof active)[number], withActions: boolean) => (
    <li key={a.id}><AlertCard alert={a} orgSlug={slug} actions={withActions ? actions : undefined} members={assignable} tomorrow={addDays(today, 1)} showAccount={false} headingLevel={3} /></li>
  );
  return (
    <section id="alerts" aria-labelledby="alerts-heading" className="rounded-lg border border-gray-200 bg-white p-5 shadow-sm">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="alerts-heading" className="text-base font-semibold text-gray-900">Alerts ({active.length} open or snoozed)</h2>
        <Link href={`/${slug}/alerts?account=${accountId}&status=all`} className="text-sm text-blue-700 underline underline-offset-2">All alerts of this account</Link>
      </div>
      {active.length === 0 ? <p className="text-sm text-gray-700">No open alerts.</p> : <ul aria-label="Open alerts" className="space-y-3">{active.map((a) => card(a, true))}</ul>}
      {resolved.length ? (
        <>
          <h3 className="mb-2 mt-4 text-sm font-semibold text-gray-900">Recently resolved</h3>
          <ul aria-label="Resolved alerts" className="space-y-3">{resolved.map((a) => card(a, false))}</ul>
        </>
      ) : null}
    </section>
  );
}
