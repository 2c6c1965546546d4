// The one-line timeline summaries of revenue, renewal and ticket events. The DAL and the demo seed
// share them, so seeded history reads exactly like history recorded in the app.
import type { MovementKind } from '@/lib/kpi/revenue';
import { formatDate } from '@/lib/format';
import { formatMoney } from '@/lib/money';

/** The account event kind of a revenue change with this movement (an unchanged MRR is a plain change). */
export const revenueEventKind = (movement: MovementKind | null) =>
  movement === 'churn' ? 'revenue.churned' : movement === 'reactivation' ? 'revenue.reactivated' : 'revenue.changed';

const MOVEMENT_WORDS: Record<MovementKind, string> = {
  new: 'New subscription',
  expansion: 'Expansion',
  contraction: 'Contraction',
  churn: 'Churned',
  reactivation: 'Reactivated',
};

/** "Churned: Budget cuts, MRR $1,200.00 → $0", "Expansion: MRR $1,200.00 → $1,500.00". */
export function revenueSummary(r: { movement: MovementKind | null; previousMrr: number; mrr: number; currency: string; churnReason?: string | null }) {
  const money = (v: number) => formatMoney(v, r.currency);
  const head = r.movement === null ? 'MRR unchanged' : r.movement === 'churn' && r.churnReason ? `Churned: ${r.churnReason}` : MOVEMENT_WORDS[r.movement];
  return `${head}, MRR ${money(r.previousMrr)} → ${money(r.mrr)}`;
}

/** "Renewal due Jun 1, 2026 renewed: ARR $12,000.00 → $12,600.00", "… churned: ARR $12,000.00 lost". */
export function renewalDecidedSummary(r: { dueDate: string; outcome: 'renewed' | 'downgraded' | 'churned'; arrDue: number; renewedArr: number; currency: string }) {
  const money = (v: number) => formatMoney(v, r.currency);
  const tail = r.outcome === 'churned' ? `ARR ${money(r.arrDue)} lost` : `ARR ${money(r.arrDue)} → ${money(r.renewedArr)}`;
  return `Renewal due ${formatDate(r.dueDate)} ${r.outcome}: ${tail}`;
}

/** "Renewal due Jun 1, 2027 added: ARR $12,600.00". */
export const renewalCreatedSummary = (r: { dueDate: string; arrDue: number; currency: string }) =>
  `Renewal due ${formatDate(r.dueDate)} added: ARR ${formatMoney(r.arrDue, r.currency)}`;

const PRIORITY_WORDS = { low: 'low', normal: 'normal', high: 'high', urgent: 'urgent' } as const;

/** "Ticket opened (high priority): Export fails". */
export const ticketOpenedSummary = (t: { priority: keyof typeof PRIORITY_WORDS; subject: string | null }) =>
  `Ticket opened (${PRIORITY_WORDS[t.priority]} priority)${t.subject ? `: ${t.subject}` : ''}`;

/** "Ticket closed, resolved on first contact: Export fails". */
export const ticketClosedSummary = (t: { resolvedFirstContact: boolean; subject: string | null }) =>
  `Ticket closed${t.resolvedFirstContact ? ', resolved on first contact' : ''}${t.subject ? `: ${t.subject}` : ''}`;
