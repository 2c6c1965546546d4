// The account page's health score in words (DESIGN.md "Health score": explainable). Pure: the DAL hands over stored
// health_scores rows and dated happenings; this turns them into sentences. No db/, no next/ imports.
import { healthFactors } from '@/lib/kpi/health';

/** A factor as stored in health_scores.factors: value 0–100 (null = missing), weight share 0–1, points = value × weight. */
export type FactorDetail = { value: number | null; weight: number; points: number | null };

/** One stored daily score (health_scores row). */
export type ScoreRow = {
  day: string;
  score: number | null;
  factors: Record<string, FactorDetail>;
  missing: string[];
  configVersion: number;
};

/** Something dated that happened to the account; `at` is an ISO instant. */
export type Happening =
  | { kind: 'answer'; at: string; survey: 'nps' | 'csat' | 'ces'; score: number; who: string | null }
  | { kind: 'ticketOpened'; at: string; highPriority: boolean }
  | { kind: 'ticketClosed'; at: string }
  | { kind: 'event'; at: string; summary: string };

export const FACTOR_LABELS: Record<string, string> = {
  usageFrequency: 'Usage frequency',
  licenseUtilization: 'License utilization',
  featureAdoption: 'Feature adoption',
  usageTrend: 'Usage trend',
  nps: 'NPS',
  csat: 'CSAT',
  ces: 'CES',
  support: 'Support',
  relationship: 'Relationship',
};

/** Why a factor can be missing, per DESIGN.md's "missing when" column. */
export const MISSING_REASONS: Record<string, string> = {
  usageFrequency: 'the organization has sent no usage data',
  licenseUtilization: 'the account has no seat count',
  featureAdoption: 'the organization tracks no features',
  usageTrend: 'no active user in the 30 days before the last 30',
  nps: 'no NPS answer in 180 days',
  csat: 'no CSAT answer in 180 days',
  ces: 'no CES answer in 180 days',
  support: 'the organization has never sent a ticket',
  relationship: 'the account has no stakeholders',
};

/** A factor key in words; an unknown key ("newFactor") reads "New factor". */
export const factorLabel = (key: string) =>
  FACTOR_LABELS[key] ?? key.replace(/([A-Z])/g, ' $1').toLowerCase().replace(/^./, (c) => c.toUpperCase());

const MINUS = '\u2212';
const one = (x: number) => (Math.round(x * 10) / 10).toFixed(1);
/** Up to one decimal, without a trailing ".0" (15 → "15", 16.666 → "16.7"). */
const upToOne = (x: number) => String(Math.round(x * 10) / 10);
const signed = (x: number, text: string) => (x > 0 ? `+${text}` : x < 0 ? `${MINUS}${text}` : text);

/** "License utilization 38 %: 5.7 of 15 points", or the missing factor with its reason. */
export function describeFactor(key: string, d: FactorDetail | undefined): string {
  if (!d || d.value === null || d.points === null) {
    return `${factorLabel(key)}: missing, ${MISSING_REASONS[key] ?? 'no source for it'}; its weight goes to the other factors`;
  }
  return `${factorLabel(key)} ${Math.round(d.value)} %: ${one(d.points)} of ${upToOne(d.weight * 100)} points`;
}

export type FactorLine = {
  key: string;
  label: string;
  /** 0–100, null when missing */
  value: number | null;
  points: number | null;
  /** the most points the factor could give: its weight share × 100 */
  outOf: number;
  text: string;
  missingReason: string | null;
};

/** The factors of a row in the standard order (unknown keys last), each with its sentence. */
export function factorLines(row: Pick<ScoreRow, 'factors' | 'missing'>): FactorLine[] {
  const known = healthFactors as readonly string[];
  const keys = [...known, ...Object.keys(row.factors).filter((k) => !known.includes(k)).sort()]
    .filter((k) => k in row.factors || row.missing.includes(k));
  return keys.map((key) => {
    const d = row.factors[key];
    const has = d !== undefined && d.value !== null && d.points !== null;
    return {
      key,
      label: factorLabel(key),
      value: has ? d.value : null,
      points: has ? d.points : null,
      outOf: has ? d.weight * 100 : 0,
      text: describeFactor(key, d),
      missingReason: has ? null : MISSING_REASONS[key] ?? 'no source for it',
    };
  });
}

/** The org-local calendar date (YYYY-MM-DD) of an instant. */
export function localDay(at: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at));
}

/** "May 3" in the org's timezone. */
export const shortDate = (at: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone, month: 'short', day: 'numeric' }).format(new Date(at));

const SURVEY_LABELS = { nps: 'NPS', csat: 'CSAT', ces: 'CES' } as const;

/** One factor's move between two rows: points delta, and whether it went missing or came back. */
const present = (d?: FactorDetail) => (d && d.value !== null && d.points !== null ? d : null);

function factorMove(key: string, now: FactorDetail | undefined, then: FactorDetail | undefined): { size: number; text: string } | null {
  const a = present(now);
  const b = present(then);
  const label = factorLabel(key);
  if (a && !b) return { size: a.points!, text: `${label} now counted: ${Math.round(a.value!)} % (${one(a.points!)} points)` };
  if (!a && b) {
    const why = MISSING_REASONS[key] ?? 'no source for it';
    return { size: b.points!, text: `${label} now missing: ${why} (was ${Math.round(b.value!)} %, ${one(b.points!)} points)` };
  }
  if (!a || !b) return null;
  const delta = a.points! - b.points!;
  if (Math.abs(delta) < 0.05) return null;
  return { size: Math.abs(delta), text: `${label} ${signed(delta, one(Math.abs(delta)))} points (${Math.round(b.value!)} % → ${Math.round(a.value!)} %)` };
}

/**
 * The factors whose points moved between `then` and `now`: every factor that went missing or came back, plus the
 * `top` largest other moves (at least 0.05 points), largest first.
 */
export function factorMoves(now: ScoreRow, then: ScoreRow, top = 3): string[] {
  const keys = [...new Set([...Object.keys(now.factors), ...Object.keys(then.factors)])];
  const toggled = (k: string) => !present(now.factors[k]) !== !present(then.factors[k]);
  const moves = keys.map((k) => ({ k, m: factorMove(k, now.factors[k], then.factors[k]) }))
    .filter((x): x is { k: string; m: { size: number; text: string } } => x.m !== null)
    .sort((x, y) => y.m.size - x.m.size || x.k.localeCompare(y.k));
  const always = moves.filter((x) => toggled(x.k));
  const others = moves.filter((x) => !toggled(x.k)).slice(0, top);
  return [...always, ...others].sort((x, y) => y.m.size - x.m.size || x.k.localeCompare(y.k)).map((x) => x.m.text);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * What happened on the org-local days after `afterDay` up to and including `untilDay`, in words, dates in the org's
 * timezone: each survey answer, tickets opened and closed as counts, then timeline events newest first (at most
 * `maxEvents`, the rest counted).
 */
export function happenedLines(happenings: Happening[], afterDay: string, untilDay: string, timeZone: string, maxEvents = 5): string[] {
  const inside = happenings
    .filter((h) => { const d = localDay(h.at, timeZone); return d > afterDay && d <= untilDay; })
    .sort((a, b) => b.at.localeCompare(a.at));
  const lines: string[] = [];
  for (const h of inside) {
    if (h.kind !== 'answer') continue;
    lines.push(`${SURVEY_LABELS[h.survey]} ${h.score}${h.who ? ` from ${h.who}` : ''} on ${shortDate(h.at, timeZone)}`);
  }
  const opened = inside.filter((h) => h.kind === 'ticketOpened');
  if (opened.length > 0) {
    const high = opened.filter((h) => h.kind === 'ticketOpened' && h.highPriority).length;
    const when = opened.length === 1 ? ` on ${shortDate(opened[0].at, timeZone)}` : `, the latest on ${shortDate(opened[0].at, timeZone)}`;
    lines.push(`${plural(opened.length, 'ticket')} opened${high > 0 ? ` (${high} high priority)` : ''}${when}`);
  }
  const closed = inside.filter((h) => h.kind === 'ticketClosed');
  if (closed.length > 0) lines.push(`${plural(closed.length, 'ticket')} closed`);
  const events = inside.filter((h): h is Extract<Happening, { kind: 'event' }> => h.kind === 'event');
  for (const e of events.slice(0, maxEvents)) lines.push(`${e.summary.replace(/[.\s]+$/, '')} on ${shortDate(e.at, timeZone)}`);
  if (events.length > maxEvents) lines.push(`${plural(events.length - maxEvents, 'more event')} on the timeline`);
  return lines;
}

export type ChangeExplanation = {
  /** "Since yesterday" / "Since last week" */
  title: string;
  /** the day of the row compared with; null when there is none */
  comparedDay: string | null;
  /** score now − score then; null when either is null or there is nothing to compare */
  delta: number | null;
  /** "Down 12 points, from 68 to 56." */
  headline: string;
  /** factor moves, then what happened */
  reasons: string[];
  /** one line: "−12: NPS 3 from Jane Doe on May 3; License utilization −5.7 points (38 % → 20 %); 2 tickets opened" */
  summary: string;
};

function headlineOf(now: number | null, then: number | null): string {
  if (now === null && then === null) return 'Not enough data then or now.';
  if (now === null) return `Not enough data now (it was ${then}).`;
  if (then === null) return `Scored ${now} now; there was not enough data then.`;
  const d = now - then;
  if (d === 0) return `Unchanged at ${now}.`;
  return `${d > 0 ? 'Up' : 'Down'} ${plural(Math.abs(d), 'point')}, from ${then} to ${now}.`;
}

/**
 * Compares the latest row with `baseline` (the latest row at least 1 or 7 days older): the score's move, the factors
 * that moved most, a changed configuration, and what happened in between (org-local days after the baseline's day
 * through the latest row's day).
 */
export function explainChange(
  latest: ScoreRow,
  baseline: ScoreRow | null,
  happenings: Happening[],
  opts: { since: 'yesterday' | 'last week'; timeZone: string },
): ChangeExplanation {
  const title = `Since ${opts.since}`;
  if (!baseline) {
    const span = opts.since === 'yesterday' ? 'a day' : 'a week';
    const headline = `No score from ${span} or more before ${latest.day} to compare with yet.`;
    return { title, comparedDay: null, delta: null, headline, reasons: [], summary: headline };
  }
  const delta = latest.score !== null && baseline.score !== null ? latest.score - baseline.score : null;
  const config = latest.configVersion !== baseline.configVersion
    ? [`The health settings changed (version ${baseline.configVersion} → ${latest.configVersion})`] : [];
  const reasons = [
    ...config,
    ...factorMoves(latest, baseline),
    ...happenedLines(happenings, baseline.day, latest.day, opts.timeZone),
  ];
  const lead = delta === null ? headlineOf(latest.score, baseline.score).replace(/\.$/, '') : delta === 0 ? '±0' : signed(delta, String(Math.abs(delta)));
  const summary = reasons.length > 0 ? `${lead}: ${reasons.join('; ')}` : `${lead}: no factor moved and nothing was recorded`;
  return { title, comparedDay: baseline.day, delta, headline: headlineOf(latest.score, baseline.score), reasons, summary };
}
