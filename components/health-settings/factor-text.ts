import type { HealthFactor } from '@/lib/kpi/health';

/** Each factor's name and one-line definition (DESIGN.md "Health score"). */
export const FACTOR_TEXT: Record<HealthFactor, { label: string; description: string }> = {
  usageFrequency: { label: 'Usage frequency', description: 'Days with any active user in the last 28 days; 20 days or more scores 100.' },
  licenseUtilization: { label: 'License utilization', description: 'Distinct active users in 30 days ÷ licensed seats, capped at 100.' },
  featureAdoption: { label: 'Feature adoption', description: 'Tracked features used in 30 days ÷ tracked features.' },
  usageTrend: { label: 'Usage trend', description: 'Active users in the last 30 days vs the 30 before: same = 50, doubled = 100, none = 0.' },
  nps: { label: 'NPS', description: 'The account’s NPS over 180 days, from −100…100 mapped to 0…100.' },
  csat: { label: 'CSAT', description: 'Share of CSAT answers of 4 or 5 over 180 days.' },
  ces: { label: 'CES', description: 'Mean CES answer (1–7) over 180 days, mapped to 0…100.' },
  support: { label: 'Support', description: '100 − 15 per open ticket − 25 more per open high-priority ticket, floor 0.' },
  relationship: { label: 'Relationship', description: 'Champion present, champion or buyer contacted in 60 days, 2+ people contacted in 90 days; a champion who left costs 40.' },
};

export const MISSING_RULE =
  'A factor with no source (no usage data, no seat count, no survey answer in 180 days, no tickets ever, no stakeholders) is left out: its weight is spread over the other factors in proportion, and the account page lists what was missing. With no factor present there is no score (“not enough data”).';

export const BAND_LABEL = { red: 'Red', yellow: 'Yellow', green: 'Green' } as const;
