import { resolveTenant } from '@/lib/auth/tenant';
import { toCsv } from '@/lib/csv/to-csv';
import { listAccountsForExport } from '@/lib/dal/accounts';
import { AppError, errorStatus } from '@/lib/errors';
import { parseAccountListParams } from '@/lib/validation/accounts';

// snake_case like the CSV import's columns, so an export can be edited and imported back
const HEADER = [
  'external_id', 'name', 'domain', 'owner_email', 'segment', 'stage', 'licensed_seats',
  'contract_start', 'next_renewal_date', 'archived', 'archived_at', 'last_activity_at', 'health_score', 'health_band',
];

/** The accounts list as CSV: every row matching the list's filters (not just one page), in its order. */
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  let ctx;
  try {
    // a route handler is a public endpoint: it checks the session and membership itself
    ctx = await resolveTenant((await params).org);
  } catch (err) {
    if (err instanceof AppError) return new Response(err.message, { status: errorStatus[err.code], headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    throw err;
  }
  const query = parseAccountListParams(Object.fromEntries(new URL(request.url).searchParams), ctx.role);
  const rows = await listAccountsForExport(ctx, query);
  const csv = toCsv(HEADER, rows.map((r) => [
    r.externalId, r.name, r.domain, r.ownerEmail, r.segment, r.stage, r.licensedSeats,
    r.contractStart, r.nextRenewalDate, r.archivedAt ? 'yes' : 'no', r.archivedAt?.toISOString() ?? null, r.lastActivityAt?.toISOString() ?? null,
    r.healthScore, r.healthBand,
  ]));
  const today = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="accounts-${today}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
