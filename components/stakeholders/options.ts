import type { Stakeholder } from '@/db/schema/accounts';

type Option<T extends string> = { value: T; label: string };

// Literal lists instead of the pgEnum values: client bundles should not pull in drizzle.
export const roleOptions: Option<Stakeholder['role']>[] = [
  { value: 'champion', label: 'Champion' },
  { value: 'decision_maker', label: 'Decision maker' },
  { value: 'economic_buyer', label: 'Economic buyer' },
  { value: 'user', label: 'User' },
  { value: 'other', label: 'Other' },
];

export const influenceOptions: Option<Stakeholder['influence']>[] = [
  { value: 'low', label: 'Low' },
  { value: 'medium', label: 'Medium' },
  { value: 'high', label: 'High' },
];

export const sentimentOptions: Option<Stakeholder['sentiment']>[] = [
  { value: 'positive', label: 'Positive' },
  { value: 'neutral', label: 'Neutral' },
  { value: 'negative', label: 'Negative' },
];

/** The editable values of a stakeholder as the edit form starts with them. */
export type StakeholderValues = Pick<Stakeholder, 'name' | 'email' | 'title' | 'externalId' | 'role' | 'influence' | 'sentiment' | 'isPrimary' | 'doNotSurvey'>;
