import Link from 'next/link';
import type { AlertDto } from '@/lib/dal/alerts';
import { formatDate } from '@/lib/format';
import { PRIORITY_LABELS } from '@/lib/playbooks/triggers';
import { AlertActions, type AlertActionSet } from './alert-actions';

const STATUS_STYLE: Record<string, string> = {
  open: 'border-red-300 bg-red-50 text-red-800',
  snoozed: 'border-amber-300 bg-amber-50 text-amber-900',
  resolved: 'border-gray-300 bg-gray-50 text-gray-700',
};
const PRIORITY_STYLE: Record<string, string> = {
  urgent: 'border-red-400 text-red-800', high: 'border-orange-400 text-orange-900', medium: 'border-gray-400 text-gray-800', low: 'border-gray-300 text-gray-700',
};
const STATUS_LABEL: Record<string, string> = { open: 'Open', snoozed: 'Snoozed', resolved: 'Resolved' };

const dateTime = (d: Date) => d.toLocaleString('en-US', { month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });

type Props = {
  alert: AlertDto;
  orgSlug: string;
  /** omitted for viewers (and resolved alerts): no buttons */
  actions?: AlertActionSet;
  members: { id: string; name: string }[];
  tomorrow: string;
  showAccount?: boolean;
  /** 2 in the inbox (under the page's h1), 3 inside a section */
  headingLevel?: 2 | 3;
};

/** One alert: status and priority in words (not colour alone), why, who has it, and what happened to it. */
export function AlertCard({ alert: a, orgSlug, actions, members, tomorrow, showAccount = true, headingLevel = 2 }: Props) {
  const label = `${a.accountName}: ${a.playbookName}`;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article aria-label={label} className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center gap-2 text-xs font-medium">
        <span className={`rounded border px-1.5 py-0.5 ${STATUS_STYLE[a.status]}`}>{STATUS_LABEL[a.status]}</span>
        <span className={`rounded border px-1.5 py-0.5 ${PRIORITY_STYLE[a.priority]}`}>{PRIORITY_LABELS[a.priority]} priority</span>
        <span className="text-gray-700">{a.playbookName}</span>
      </div>
      <Heading className="mt-2 text-sm font-semibold text-gray-900">
        {showAccount ? <Link href={`/${orgSlug}/accounts/${a.accountId}`} className="text-blue-700 underline underline-offset-2">{a.accountName}</Link> : a.playbookName}
      </Heading>
      <p className="mt-1 text-sm text-gray-900">{a.reason}</p>
      <p className="mt-1 text-xs text-gray-700">
        Opened {formatDate(a.openedDay)}
        {a.seenCount > 1 ? ` · seen again ${a.seenCount - 1} ${a.seenCount === 2 ? 'time' : 'times'}, last ${dateTime(a.lastSeenAt)}` : ''}
        {' · '}{a.assigneeName ? `assigned to ${a.assigneeName}` : 'unassigned'}
      </p>
      {a.status === 'snoozed' && a.snoozedUntil ? (
        <p className="mt-1 text-xs text-amber-900">Snoozed until {formatDate(a.snoozedUntilDay)}{a.snoozedByName ? ` by ${a.snoozedByName}` : ''}: {a.snoozeReason}</p>
      ) : null}
      {a.status === 'resolved' ? (
        <p className="mt-1 text-xs text-gray-700">
          Resolved {a.resolvedDay ? formatDate(a.resolvedDay) : ''} {a.resolvedBySystem ? `automatically: ${(a.resolution ?? 'Condition cleared').toLowerCase()}` : `by ${a.resolvedByName ?? 'a former member'}: ${a.resolution ?? ''}`}
        </p>
      ) : null}
      {actions && a.status !== 'resolved' ? (
        <AlertActions alertId={a.id} label={label} assigneeId={a.assigneeId} members={members} tomorrow={tomorrow} actions={actions} />
      ) : null}
    </article>
  );
}
