import { PRIORITY_LABELS } from '@/components/revenue/labels';
import { CloseTicketForm, OpenTicketForm } from '@/components/revenue/ticket-forms';
import { closeTicketAction, openTicketAction } from '@/lib/actions/tickets';
import { hasRole } from '@/lib/auth/roles';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { listAccountTickets } from '@/lib/dal/tickets';
import { formatDate } from '@/lib/format';

const OPEN_SHOWN = 10;
const CLOSED_SHOWN = 5;

type Props = { ctx: TenantCtx; accountId: string };

const priorityTone = (p: keyof typeof PRIORITY_LABELS) => (p === 'urgent' || p === 'high' ? 'border-red-300 text-red-800' : 'border-gray-300 text-gray-700');

function Priority({ value }: { value: keyof typeof PRIORITY_LABELS }) {
  return <span className={`rounded border px-1.5 text-xs font-medium ${priorityTone(value)}`}>{PRIORITY_LABELS[value]} priority</span>;
}

/** Open tickets first (with Close for CSMs), then the latest closed ones with the first-contact flag. */
export async function TicketsSection({ ctx, accountId }: Props) {
  const [open, closed] = await Promise.all([
    listAccountTickets(ctx, accountId, { status: 'open', pageSize: OPEN_SHOWN }),
    listAccountTickets(ctx, accountId, { status: 'closed', pageSize: CLOSED_SHOWN }),
  ]);
  const canEdit = hasRole(ctx.role, 'csm');
  const close = closeTicketAction.bind(null, ctx.orgSlug);
  return (
    <section id="tickets" aria-labelledby="tickets-heading" className="rounded-lg border border-gray-200 bg-white p-5 shadow-sm">
      <h2 id="tickets-heading" className="mb-3 text-base font-semibold text-gray-900">Support tickets</h2>
      {canEdit ? <div className="mb-3"><OpenTicketForm accountId={accountId} action={openTicketAction.bind(null, ctx.orgSlug)} /></div> : null}
      {open.total + closed.total === 0 ? <p className="text-sm text-gray-700">No tickets.</p> : (
        <>
          <h3 className="mb-1 text-sm font-semibold text-gray-900">Open ({open.total.toLocaleString('en-US')})</h3>
          {open.rows.length === 0 ? <p className="mb-3 text-sm text-gray-700">No open tickets.</p> : (
            <ul aria-label="Open tickets" className="mb-3 divide-y divide-gray-100 text-sm">
              {open.rows.map((t) => (
                <li key={t.id} className="space-y-1 py-2">
                  <p className="flex flex-wrap items-center gap-2"><span className="font-medium text-gray-900">{t.subject ?? 'No subject'}</span><Priority value={t.priority} /></p>
                  <p className="text-xs text-gray-600">Opened {formatDate(t.openedAt)}</p>
                  {canEdit ? <CloseTicketForm accountId={accountId} ticketId={t.id} subject={t.subject ?? ''} action={close} /> : null}
                </li>
              ))}
            </ul>
          )}
          {open.total > open.rows.length ? <p className="mb-3 text-xs text-gray-600">Showing the {open.rows.length} newest of {open.total} open tickets.</p> : null}
          <h3 className="mb-1 text-sm font-semibold text-gray-900">Closed</h3>
          {closed.rows.length === 0 ? <p className="text-sm text-gray-700">No closed tickets.</p> : (
            <ul aria-label="Closed tickets" className="divide-y divide-gray-100 text-sm">
              {closed.rows.map((t) => (
                <li key={t.id} className="py-2">
                  <p className="flex flex-wrap items-center gap-2"><span className="text-gray-900">{t.subject ?? 'No subject'}</span><Priority value={t.priority} /></p>
                  <p className="text-xs text-gray-600">
                    Opened {formatDate(t.openedAt)} · closed {formatDate(t.closedAt)} · {t.resolvedFirstContact ? 'resolved on first contact' : 'not resolved on first contact'}
                  </p>
                </li>
              ))}
            </ul>
          )}
          {closed.total > closed.rows.length ? <p className="mt-2 text-xs text-gray-600">Showing the {closed.rows.length} newest of {closed.total} closed tickets.</p> : null}
        </>
      )}
    </section>
  );
}
