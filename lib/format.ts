/** Display helpers shared by pages; null shows as "—". */
const dateFmt = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

export const formatDate = (d: Date | string | null | undefined) =>
  d == null ? '—' : dateFmt.format(typeof d === 'string' ? new Date(`${d.slice(0, 10)}T00:00:00Z`) : d);

export const labelOf = (v: string | null | undefined) =>
  v == null ? '—' : v === 'mid_market' ? 'Mid-market' : v === 'smb' ? 'SMB' : v.charAt(0).toUpperCase() + v.slice(1).replace(/_/g, ' ');

/** Whole days from today (UTC) to a YYYY-MM-DD date; negative when past. */
export function daysUntil(date: string | null): number | null {
  if (!date) return null;
  const today = new Date(new Date().toISOString().slice(0, 10));
  return Math.round((Date.parse(date) - today.getTime()) / 86_400_000);
}
