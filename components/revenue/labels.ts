import type { MovementKind } from '@/lib/kpi/revenue';

/** Movement kinds as the MRR history table names them. */
export const MOVEMENT_LABELS: Record<MovementKind, string> = {
  new: 'New',
  expansion: 'Expansion',
  contraction: 'Contraction',
  churn: 'Churn',
  reactivation: 'Reactivation',
};

// Text carries the meaning; the colour only repeats it.
export const MOVEMENT_TONES: Record<MovementKind, string> = {
  new: 'border-blue-300 bg-blue-50 text-blue-900',
  expansion: 'border-emerald-300 bg-emerald-50 text-emerald-900',
  contraction: 'border-amber-300 bg-amber-50 text-amber-900',
  churn: 'border-red-300 bg-red-50 text-red-800',
  reactivation: 'border-blue-300 bg-blue-50 text-blue-900',
};

export const OUTCOME_LABELS = { pending: 'Pending', renewed: 'Renewed', downgraded: 'Downgraded', churned: 'Churned' } as const;

export const PRIORITY_LABELS = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' } as const;

/** "who recorded it" for rows written by a user, an API key or the system. */
export const actorLabel = (actorType: 'user' | 'api_key' | 'system', actorName: string | null) =>
  actorName ?? (actorType === 'api_key' ? 'API' : actorType === 'system' ? 'System' : 'Former member');

/** "in 12 days", "today", "3 days ago" for a day count from daysUntil. */
export function relativeDays(days: number | null): string {
  if (days === null) return '';
  if (days === 0) return 'today';
  if (days > 0) return days === 1 ? 'in 1 day' : `in ${days} days`;
  return days === -1 ? '1 day ago' : `${-days} days ago`;
}
