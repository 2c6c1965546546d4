import { labelOf } from '@/lib/format';

/** One timeline entry describing a change, in words a CSM reads on the account page. */
export type ChangeEvent = { kind: string; summary: string; data: Record<string, unknown> };

type Value = string | number | null;

/** The account fields a change can touch, as stored (dates as YYYY-MM-DD). */
export type AccountState = {
  name: string;
  domain: string | null;
  externalId: string | null;
  ownerId: string | null;
  segment: string | null;
  stage: string;
  licensedSeats: number | null;
  contractStart: string | null;
  nextRenewalDate: string | null;
};

// Fields without an event kind of their own become `account.updated`; the order is the form's.
const LABELS: [keyof AccountState, string][] = [
  ['name', 'Name'],
  ['domain', 'Domain'],
  ['externalId', 'External id'],
  ['segment', 'Segment'],
  ['contractStart', 'Contract start'],
  ['nextRenewalDate', 'Renewal date'],
];

const sentence = (label: string, from: Value, to: Value) =>
  from === null ? `${label} set to ${to}` : to === null ? `${label} cleared (was ${from})` : `${label} changed from ${from} to ${to}`;

/**
 * The timeline events for a change from `before` to `after` (only the fields in `after` that
 * differ): owner, stage and seats get their own kinds (so their history can be queried), every
 * other field an `account.updated` entry. `ownerName` turns a member id into a name.
 */
export function describeAccountChanges(
  before: AccountState,
  after: Partial<AccountState>,
  ownerName: (id: string | null) => string,
): ChangeEvent[] {
  const changed = <K extends keyof AccountState>(k: K) => after[k] !== undefined && after[k] !== before[k];
  const events: ChangeEvent[] = [];
  if (changed('ownerId')) {
    const [from, to] = [before.ownerId, after.ownerId ?? null];
    events.push({ kind: 'owner.changed', summary: `Owner changed from ${ownerName(from)} to ${ownerName(to)}`, data: { from, to } });
  }
  if (changed('stage')) {
    const [from, to] = [before.stage, after.stage!];
    events.push({ kind: 'stage.changed', summary: `Stage changed from ${labelOf(from)} to ${labelOf(to)}`, data: { from, to } });
  }
  if (changed('licensedSeats')) {
    const [from, to] = [before.licensedSeats, after.licensedSeats ?? null];
    events.push({ kind: 'seats.changed', summary: sentence('Licensed seats', from, to), data: { from, to } });
  }
  for (const [field, label] of LABELS) {
    if (!changed(field)) continue;
    const [from, to] = [before[field], after[field] ?? null];
    const show = (v: Value) => (v === null ? null : field === 'segment' ? labelOf(String(v)) : v);
    events.push({ kind: 'account.updated', summary: sentence(label, show(from), show(to)), data: { field, from, to } });
  }
  return events;
}
