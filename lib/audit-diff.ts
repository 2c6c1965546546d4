/**
 * Turns an audit entry's before/after JSON into lines a person can read ("Seats: 40 → 45")
 * instead of raw JSON. Pure: no db/ or next/ imports.
 */

export type DiffLine =
  | { field: string; label: string; kind: 'changed'; from: string; to: string }
  | { field: string; label: string; kind: 'added' | 'removed' | 'same'; value: string };

const MAX_VALUE = 120;

// Some foundation entries carry whole rows; hashes and tokens are never worth showing.
const SECRET = /hash|token|password|secret/i;

const LABELS: Record<string, string> = {
  slug: 'Address (slug)',
  alertHysteresis: 'Alert hysteresis margin',
  trackedFeatureKeys: 'Tracked feature keys',
  surveyCooldownDays: 'Survey cooldown days',
  timezone: 'Timezone',
  email: 'Email',
  mrr: 'MRR (minor units)',
  accountId: 'Account id',
};

/** "licensedSeats" or "licensed_seats" → "Licensed seats". */
export function fieldLabel(key: string): string {
  if (LABELS[key]) return LABELS[key];
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase().trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const clip = (s: string) => (s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE - 1)}…` : s);

const ISO_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(\.\d+)?)?Z$/;

/** One JSON value as short text: empty things read "(empty)", arrays as a comma list, timestamps in UTC. */
export function formatAuditValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const t = ISO_TIME.exec(value);
    return clip(t ? `${t[1]} ${t[2]} UTC` : value);
  }
  if (Array.isArray(value)) return value.length === 0 ? '(empty)' : clip(value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', '));
  return clip(JSON.stringify(value));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The lines of an entry: changed fields as from → to, fields only after as added, only before as
 * removed (a deleted row), equal ones as context (the email next to a role change). Empty fields
 * of a created or deleted row are left out.
 * Order: the after object's keys, then keys only in before.
 */
export function auditDiff(before: unknown, after: unknown): DiffLine[] {
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
  // a created or deleted row lists only the fields it had: "Domain: (empty)" ten times is noise
  const blank = (v: unknown) => formatAuditValue(v) === '(empty)';
  const shown = keys.filter((k) => (k in a && k in b) || !blank(k in a ? a[k] : b[k]));
  return shown.map((field): DiffLine => {
    const label = fieldLabel(field);
    if (SECRET.test(field)) return { field, label, kind: 'same', value: '(hidden)' };
    if (!(field in b)) return { field, label, kind: 'added', value: formatAuditValue(a[field]) };
    if (!(field in a)) return { field, label, kind: 'removed', value: formatAuditValue(b[field]) };
    const from = formatAuditValue(b[field]);
    const to = formatAuditValue(a[field]);
    return JSON.stringify(b[field]) === JSON.stringify(a[field]) ? { field, label, kind: 'same', value: to } : { field, label, kind: 'changed', from, to };
  });
}

/** "org.updated" → "Org updated"; "member.role_changed" → "Member role changed". */
export const actionLabel = (action: string) => fieldLabel(action.replace(/\./g, ' '));
