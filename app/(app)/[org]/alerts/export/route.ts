import { csvRoute } from '@/lib/csv/csv-route';
import { toCsv } from '@/lib/csv/to-csv';
import { listAlertsForExport } from '@/lib/dal/alerts';
import { alertParamsSchema } from '@/lib/validation/alerts';

const HEADER = [
  'status', 'priority', 'playbook', 'account', 'reason', 'assignee', 'opened', 'last_seen_at', 'seen_count',
  'snoozed_until', 'snooze_reason', 'resolved', 'resolved_by', 'resolution',
];

/** The alerts inbox as CSV under its filters: every alert, not one page; days are the org's calendar days. */
export const GET = csvRoute('alerts', async (ctx, query) => {
  const rows = await listAlertsForExport(ctx, alertParamsSchema.parse(query));
  const csv = toCsv(HEADER, rows.map((a) => [
    a.status, a.priority, a.playbookName, a.accountName, a.reason, a.assigneeName, a.openedDay, a.lastSeenAt.toISOString(), a.seenCount,
    a.snoozedUntilDay, a.snoozeReason, a.resolvedDay, a.resolvedBySystem ? 'automatically' : a.resolvedByName, a.resolution,
  ]));
  return { name: `alerts-${new Date().toISOString().slice(0, 10)}`, csv };
});
