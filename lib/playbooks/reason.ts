import type { PlaybookParams, PlaybookTrigger } from '@/db/schema/playbooks';
import { withDefaults } from './triggers';

// An alert's reason in plain words with the numbers that caused it. Pure: the evaluation's SQL hands over the
// facts, this turns them into one line ("Health fell from 72 to 51 in 9 days: NPS 3 from Jane Doe (champion),
// active users −35 %").

export type AnswerFact = { kind: 'nps' | 'csat'; score: number; name: string | null; role: string | null; at: string };
export type ChampionFact = { name: string; leftAt: string };

/** What the evaluation saw for one (playbook, account); every field is optional because triggers need different ones. */
export type AlertFacts = {
  today?: string;
  score?: number | null;
  band?: string | null;
  prevBand?: string | null;
  peak?: number | null;
  peakDay?: string | null;
  answers?: AnswerFact[];
  dueDate?: string | null;
  users?: number | null;
  prevUsers?: number | null;
  seats?: number | null;
  champions?: ChampionFact[];
  /** context for the other triggers: the latest low survey answer (30 days), a champion who left (90 days) */
  signalAnswer?: AnswerFact | null;
  signalChampion?: ChampionFact | null;
};

const MINUS = '−';
const ROLE_WORDS: Record<string, string> = { champion: 'champion', decision_maker: 'decision maker', economic_buyer: 'economic buyer', user: 'user', other: 'contact' };

const dayCount = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const dateWords = (d: string) => new Date(`${d.slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

/** Percentage change of active users, rounded; null without a previous window. */
export function usageChange(users: number | null | undefined, prevUsers: number | null | undefined): number | null {
  if (users == null || !prevUsers) return null;
  return Math.round(((users - prevUsers) / prevUsers) * 100);
}

const signed = (pct: number) => (pct < 0 ? `${MINUS}${-pct} %` : `+${pct} %`);

/** "NPS 3 from Jane Doe (champion)" */
export function answerWords(a: AnswerFact): string {
  const who = a.name ? ` from ${a.name}${a.role ? ` (${ROLE_WORDS[a.role] ?? a.role})` : ''}` : '';
  return `${a.kind === 'nps' ? 'NPS' : 'CSAT'} ${a.score}${who}`;
}

function mainClause(trigger: PlaybookTrigger, p: PlaybookParams, f: AlertFacts): string {
  switch (trigger) {
    case 'health_below':
      return `Health is ${f.score}, below ${p.threshold}`;
    case 'health_drop': {
      const days = f.peakDay && f.today ? dayCount(f.peakDay, f.today) : p.days!;
      return `Health fell from ${f.peak} to ${f.score} in ${plural(days, 'day')}`;
    }
    case 'band_red':
      return `Health turned red (score ${f.score}${f.prevBand ? `, was ${f.prevBand}` : ''})`;
    case 'detractor': {
      const [first, ...more] = f.answers ?? [];
      if (!first) return 'A detractor answer';
      return `${answerWords(first)}${more.length ? ` and ${plural(more.length, 'more low answer')}` : ''}`;
    }
    case 'renewal_due': {
      const left = f.dueDate && f.today ? dayCount(f.today, f.dueDate) : null;
      const when = left === null ? 'Renewal due' : left < 0 ? `Renewal overdue by ${plural(-left, 'day')}` : left === 0 ? 'Renewal due today' : `Renewal due in ${plural(left, 'day')}`;
      return `${when} (${dateWords(f.dueDate ?? '')}) while health is ${f.band} (${f.score})`;
    }
    case 'low_utilization': {
      const pct = f.seats ? Math.round(((f.users ?? 0) / f.seats) * 100) : 0;
      return `License utilization ${pct} % (${plural(f.users ?? 0, 'active user')} of ${f.seats} seats), below ${p.percent} %`;
    }
    case 'usage_drop': {
      const change = usageChange(f.users, f.prevUsers) ?? 0;
      return `Active users ${signed(change)} month over month (${f.users} in the last 30 days, ${f.prevUsers} the 30 before)`;
    }
    case 'champion_left': {
      const [first, ...more] = f.champions ?? [];
      if (!first) return 'A champion left';
      return `Champion ${first.name} left on ${dateWords(first.leftAt)}${more.length ? ` (and ${plural(more.length, 'other champion')})` : ''}`;
    }
  }
}

// Other signals worth seeing next to the main one; a trigger's own signal is not repeated.
function context(trigger: PlaybookTrigger, f: AlertFacts): string[] {
  const out: string[] = [];
  if (trigger !== 'detractor' && f.signalAnswer) out.push(answerWords(f.signalAnswer));
  const change = usageChange(f.users, f.prevUsers);
  if (trigger !== 'usage_drop' && change !== null && change <= -10) out.push(`active users ${signed(change)}`);
  if (trigger !== 'champion_left' && f.signalChampion) out.push(`champion ${f.signalChampion.name} left`);
  return out;
}

/** The alert's one-line reason: the trigger's numbers, then other recent signals on the account. */
export function alertReason(trigger: PlaybookTrigger, params: PlaybookParams, facts: AlertFacts): string {
  const main = mainClause(trigger, withDefaults(trigger, params), facts);
  const more = context(trigger, facts);
  return more.length ? `${main}: ${more.join(', ')}` : main;
}
