import type { AlertPriority, PlaybookParams, PlaybookTrigger } from '@/db/schema/playbooks';

// What each trigger means, which parameters it takes and their defaults. Pure: shared by validation, the
// settings page and the reason text. DESIGN.md "Playbooks and alerts" lists the triggers.

export type ParamKey = keyof PlaybookParams;

export type ParamSpec = { key: ParamKey; label: string; min: number; max: number; default: number; unit: string };

export type TriggerSpec = { label: string; params: ParamSpec[]; describe: (p: PlaybookParams) => string };

const threshold = (def: number): ParamSpec => ({ key: 'threshold', label: 'Health score below', min: 1, max: 100, default: def, unit: 'points' });
const days = (label: string, def: number, max = 365): ParamSpec => ({ key: 'days', label, min: 1, max, default: def, unit: 'days' });
const percent = (label: string, def: number): ParamSpec => ({ key: 'percent', label, min: 1, max: 100, default: def, unit: '%' });

export const TRIGGERS: Record<PlaybookTrigger, TriggerSpec> = {
  health_below: {
    label: 'Health below a threshold',
    params: [threshold(40)],
    describe: (p) => `Health score below ${p.threshold}`,
  },
  health_drop: {
    label: 'Health dropped',
    params: [{ key: 'points', label: 'Dropped by at least', min: 1, max: 100, default: 15, unit: 'points' }, days('Within', 14, 90)],
    describe: (p) => `Health dropped by ${p.points} points or more within ${p.days} days`,
  },
  band_red: {
    label: 'Band changed to red',
    params: [],
    describe: () => 'Health band changed to red',
  },
  detractor: {
    label: 'Detractor answer (NPS 0–6 or CSAT 1–2)',
    params: [days('Clears after no such answer for', 30, 180)],
    describe: (p) => `An NPS answer of 0–6 or a CSAT answer of 1–2 (clears after ${p.days} days without one)`,
  },
  renewal_due: {
    label: 'Renewal due while not green',
    params: [days('Renewal due within', 60)],
    describe: (p) => `A pending renewal due within ${p.days} days while health is not green`,
  },
  low_utilization: {
    label: 'License utilization below',
    params: [percent('Utilization below', 50)],
    describe: (p) => `License utilization (active users in 30 days ÷ seats) below ${p.percent} %`,
  },
  usage_drop: {
    label: 'Active users down month over month',
    params: [percent('Down by at least', 30)],
    describe: (p) => `Active users in the last 30 days down ${p.percent} % or more on the 30 days before`,
  },
  champion_left: {
    label: 'Champion left',
    params: [days('Clears after', 90)],
    describe: (p) => `A champion left the company (clears ${p.days} days after they left)`,
  },
};

export const TRIGGER_KEYS = Object.keys(TRIGGERS) as PlaybookTrigger[];

export const PRIORITY_LABELS: Record<AlertPriority, string> = { low: 'Low', medium: 'Medium', high: 'High', urgent: 'Urgent' };

/** The trigger's parameters with defaults filled in and unknown keys dropped. */
export function withDefaults(trigger: PlaybookTrigger, params: PlaybookParams): PlaybookParams {
  const out: PlaybookParams = {};
  for (const spec of TRIGGERS[trigger].params) out[spec.key] = params[spec.key] ?? spec.default;
  return out;
}

/** "Health score below 40": the playbook's condition in words. */
export const describeTrigger = (trigger: PlaybookTrigger, params: PlaybookParams) => TRIGGERS[trigger].describe(withDefaults(trigger, params));
