import { minorDigits } from '@/components/dashboard/format';
import { csvRoute } from '@/lib/csv/csv-route';
import { toCsv } from '@/lib/csv/to-csv';
import { listRenewalsForExport } from '@/lib/dal/renewal-list';

const HEADER = [
  'due_date', 'account', 'account_external_id', 'owner', 'owner_email', 'arr_due', 'renewed_arr', 'currency', 'outcome', 'days_until_due',
];

/** The renewals list as CSV under its window and owner filters: every row, not one page; amounts in major units. */
export const GET = csvRoute('renewals', async (ctx, query) => {
  const { currency, rows } = await listRenewalsForExport(ctx, query);
  const digits = minorDigits(currency);
  const money = (minor: number | null) => (minor === null ? null : (minor / 10 ** digits).toFixed(digits));
  const csv = toCsv(HEADER, rows.map((r) => [
    r.dueDate, r.accountName, r.accountExternalId, r.ownerName, r.ownerEmail, money(r.arrDue), money(r.renewedArr), currency, r.outcome, r.daysUntilDue,
  ]));
  return { name: `renewals-${new Date().toISOString().slice(0, 10)}`, csv };
});
