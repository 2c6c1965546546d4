import { describe, expect, it } from 'vitest';
import {
  renewalCreatedSummary, renewalDecidedSummary, revenueEventKind, revenueSummary, ticketClosedSummary, ticketOpenedSummary,
} from './revenue-text';

describe('timeline summaries', () => {
  it.each([
    [{ movement: 'churn' as const, previousMrr: 120_000, mrr: 0, churnReason: 'Budget cuts' }, 'Churned: Budget cuts, MRR $1,200.00 → $0', 'revenue.churned'],
    [{ movement: 'new' as const, previousMrr: 0, mrr: 50_000 }, 'New subscription, MRR $0 → $500.00', 'revenue.changed'],
    [{ movement: 'expansion' as const, previousMrr: 50_000, mrr: 65_000 }, 'Expansion, MRR $500.00 → $650.00', 'revenue.changed'],
    [{ movement: 'contraction' as const, previousMrr: 65_000, mrr: 40_000 }, 'Contraction, MRR $650.00 → $400.00', 'revenue.changed'],
    [{ movement: 'reactivation' as const, previousMrr: 0, mrr: 40_000 }, 'Reactivated, MRR $0 → $400.00', 'revenue.reactivated'],
    [{ movement: null, previousMrr: 40_000, mrr: 40_000 }, 'MRR unchanged, MRR $400.00 → $400.00', 'revenue.changed'],
  ])('revenue %#', (change, summary, kind) => {
    expect(revenueSummary({ ...change, currency: 'USD' })).toBe(summary);
    expect(revenueEventKind(change.movement)).toBe(kind);
  });

  it('words renewals and tickets', () => {
    expect(renewalDecidedSummary({ dueDate: '2026-06-01', outcome: 'renewed', arrDue: 1_200_000, renewedArr: 1_260_000, currency: 'USD' }))
      .toBe('Renewal due Jun 1, 2026 renewed: ARR $12,000.00 → $12,600.00');
    expect(renewalDecidedSummary({ dueDate: '2026-06-01', outcome: 'churned', arrDue: 1_200_000, renewedArr: 0, currency: 'EUR' }))
      .toBe('Renewal due Jun 1, 2026 churned: ARR €12,000.00 lost');
    expect(renewalCreatedSummary({ dueDate: '2027-06-01', arrDue: 1_260_000, currency: 'USD' })).toBe('Renewal due Jun 1, 2027 added: ARR $12,600.00');
    expect(ticketOpenedSummary({ priority: 'urgent', subject: null })).toBe('Ticket opened (urgent priority)');
    expect(ticketClosedSummary({ resolvedFirstContact: false, subject: 'Export fails' })).toBe('Ticket closed: Export fails');
  });
});
