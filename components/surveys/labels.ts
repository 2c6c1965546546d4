import type { SurveyKind, SurveyStatus } from '@/db/schema/enums';
import type { SkipReason } from '@/lib/dal/survey-send';

export const KIND_SHORT: Record<SurveyKind, string> = { nps: 'NPS', csat: 'CSAT', ces: 'CES' };

export const STATUS_LABELS: Record<SurveyStatus, string> = { draft: 'Draft', open: 'Open', closed: 'Closed' };

/** Why a stakeholder gets no link, in words for the send preview. */
export const SKIP_LABELS: Record<SkipReason, string> = {
  archived: 'Account is archived',
  left: 'Left the company',
  do_not_survey: 'Asked not to be surveyed',
  no_email: 'No email address',
  already_linked: 'Already has a link for this survey',
  cooldown: 'Asked recently (cooldown)',
};

const one = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0, signDisplay: 'exceptZero' });

/** A score in its kind's units: NPS as signed whole points, CSAT as a percentage, CES as a mean out of 7; null is "—". */
export function formatScore(kind: SurveyKind, value: number | null): string {
  if (value === null) return '—';
  if (kind === 'nps') return whole.format(Math.round(value));
  if (kind === 'csat') return `${one.format(value)}%`;
  return `${one.format(value)} / 7`;
}

/** Fewer answers than this: the score is shown without an interval, marked "too few answers". */
export const MIN_RELIABLE_N = 10;

/** NPS answer groups, in words and colour (the word carries the meaning; colour only repeats it). */
export function npsGroup(score: number): { label: string; bar: string } {
  if (score >= 9) return { label: 'Promoter', bar: 'bg-emerald-600' };
  if (score >= 7) return { label: 'Passive', bar: 'bg-amber-400' };
  return { label: 'Detractor', bar: 'bg-red-600' };
}

const dateTime = (timezone: string) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: timezone });

/** A moment as a date in the org's timezone. */
export const formatDay = (d: Date | null, timezone = 'UTC') => (d ? dateTime(timezone).format(d) : '—');
