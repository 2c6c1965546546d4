// One sentence per KPI, shown next to the number. Where ours differs from a well-known vendor's definition
// (ChartMogul, Stripe, Baremetrics), the sentence says so. Scopes use each account's current owner and segment.
import type { KpiDefinition } from './types';

const d = (label: string, unit: KpiDefinition['unit'], nOf: KpiDefinition['nOf'], definition: string): KpiDefinition => ({
  label,
  unit,
  nOf,
  definition,
});

export const revenueDefs = {
  mrr: d('MRR', 'money', 'accounts',
    'Sum of each paying account’s MRR after all revenue changes dated before the period end, as recorded per account (ChartMogul and Stripe derive MRR from billed subscriptions instead).'),
  arr: d('ARR', 'money', 'accounts',
    'MRR at the period end × 12, a run rate like ChartMogul’s ARR, not the sum of contract values.'),
  arpa: d('ARPA', 'money', 'accounts',
    'MRR at the period end ÷ the accounts paying at the period end, as ChartMogul’s ARPA.'),
  ltv: d('LTV', 'money', 'accounts',
    'ARPA ÷ the mean logo churn rate (as a fraction) of the six month-long windows ending at the period end; ChartMogul averages the six months before the current one, leaving the current month out.'),
  logoChurn: d('Logo churn', 'percent', 'accounts',
    'Accounts paying at the period start that pay nothing at its end ÷ those accounts × 100; an account that churned and came back inside the period is not churned, and one that started and churned inside it is not counted (Baremetrics counts such sign-ups as churn).'),
  nrr: d('NRR', 'percent', 'accounts',
    'Σ end MRR ÷ Σ start MRR of the accounts paying at the period start × 100, so new accounts and returns from outside that cohort are left out (ChartMogul’s net MRR retention follows signup cohorts instead).'),
  grr: d('GRR', 'percent', 'accounts',
    'Σ min(end MRR, start MRR) ÷ Σ start MRR over the accounts paying at the period start × 100: losses only, never above 100.'),
  grossRevenueChurn: d('Gross revenue churn', 'percent', 'accounts',
    '100 − GRR: the share of the start cohort’s MRR lost by the period end, so a drop recovered inside the period does not count (ChartMogul’s gross MRR churn rate sums every churn and contraction movement instead).'),
  expansion: d('Expansion MRR', 'money', 'accounts',
    'Sum of the MRR increases of paying accounts in the period; returns from 0 are reactivations, not expansion.'),
  quickRatio: d('Quick ratio', 'ratio', 'accounts',
    '(New + expansion + reactivation MRR) ÷ (contraction + churned MRR) in the period; Baremetrics and Stripe leave reactivation out of the gains.'),
  movements: d('MRR movements', 'money', 'accounts',
    'Each revenue change dated in the period against the account’s previous MRR: from 0 on a first subscription is new, from 0 after a churn is reactivation, up is expansion, down but above 0 is contraction, to 0 is churn; they add up to end MRR − start MRR (ChartMogul’s five kinds, but every recorded change counts, same-day changes in the order recorded).'),
} as const;

export const movementDefs = {
  newMrr: d('New MRR', 'money', 'accounts', 'MRR of first subscriptions (from 0, never paid before) dated in the period.'),
  expansion: revenueDefs.expansion,
  contraction: d('Contraction MRR', 'money', 'accounts', 'Sum of the MRR decreases that leave a paying account above 0 in the period.'),
  churn: d('Churned MRR', 'money', 'accounts', 'MRR lost by changes to 0 dated in the period.'),
  reactivation: d('Reactivation MRR', 'money', 'accounts', 'MRR of accounts that return from 0 after an earlier churn, dated in the period.'),
  net: d('Net new MRR', 'money', 'accounts', 'New + expansion + reactivation − contraction − churned MRR = end MRR − start MRR.'),
} as const;

export const renewalDefs = {
  byCount: d('Renewal rate', 'percent', 'renewals',
    '(Renewed + downgraded) ÷ renewals due in the period with a decided outcome × 100; pending renewals are left out and counted apart.'),
  byValue: d('Renewal rate by value', 'percent', 'renewals',
    'Σ min(renewed ARR, ARR due) ÷ Σ ARR due over the decided renewals due in the period × 100, never above 100 (renewed without an amount counts at its ARR due).'),
  renewedArr: d('Renewed ARR', 'percent', 'renewals',
    'Σ renewed ARR ÷ Σ ARR due over the decided renewals due in the period × 100, uncapped: expansion at renewal can take it above 100.'),
} as const;

export const usageDefs = {
  mau: d('Monthly active users', 'count', 'accounts',
    'Distinct users active in the 30 days up to the as-of date, counted per account and summed; archived accounts are left out.'),
  utilization: d('License utilization', 'percent', 'accounts',
    'Σ distinct users active in the 30 days up to the as-of date ÷ Σ licensed seats × 100 over the accounts with a seat count (archived ones left out); above 100 when users outnumber seats.'),
  adoption: d('Adoption', 'percent', 'accounts',
    'Accounts paying at the period end whose users used the feature in the period ÷ accounts paying at the period end × 100 (archived accounts left out); the features are the organization’s tracked list, or else every feature used in the calendar months of the last 90 days.'),
} as const;

export const usageSeriesDefs = {
  mau: d('Monthly active users', 'count', 'accounts',
    'Distinct users active in each calendar month, counted per account and summed (archived accounts left out).'),
  utilization: d('License utilization', 'percent', 'accounts',
    'Σ distinct users active in each calendar month ÷ Σ current licensed seats × 100 over the accounts with a seat count.'),
} as const;

export const supportDefs = {
  fcr: d('First contact resolution', 'percent', 'tickets',
    'Tickets closed in the period that were resolved on first contact ÷ tickets closed in the period × 100.'),
} as const;

export const onboardingDefs = {
  completion: d('Onboarding completed', 'percent', 'accounts',
    'Accounts whose contract started before the period end and that completed onboarding before it ÷ those accounts × 100 (archived accounts and accounts without a contract start left out).'),
  medianDays: d('Days to onboard', 'days', 'accounts',
    'Median days from contract start to onboarding completion over the accounts that completed before the period end.'),
} as const;
