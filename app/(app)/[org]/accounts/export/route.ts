import { csvRoute } from '@/lib/csv/csv-route';
import { toCsv } from '@/lib/csv/to-csv';
import { listAccountsForExport } from '@/lib/dal/accounts';
import { parseAccountListParams } from '@/lib/validation/accounts';

// snake_case like the CSV import's columns, so an export can be edited and imported back
const HEADER = [
  'external_id', 'name', 'domain', 'owner_email', 'segment', 'stage', 'licensed_seats',
  'contract_start', 'next_renewal_date', 'archived', 'archived_at', 'last_activity_at', 'health_score', 'health_band',
];

/** The accounts list as CSV: every row matching the list's filters (not just one page), in its order. */
export const GET = csvRoute('accounts', async (ctx, query) => {
  const rows = await listAccountsForExport(ctx, parseAccountListParams(query, ctx.role));
  const csv = toCsv(HEADER, rows.map((r) => [
    r.externalId, r.name, r.domain, r.ownerEmail, r.segment, r.stage, r.licensedSeats,
    r.contractStart, r.nextRenewalDate, r.archivedAt ? 'yes' : 'no', r.archivedAt?.toISOString() ?? null, r.lastActivityAt?.toISOString() ?? null,
    r.healthScore, r.healthBand,
  ]));
  return { name: `accounts-${new Date().toISOString().slice(0, 10)}`, csv };
});
