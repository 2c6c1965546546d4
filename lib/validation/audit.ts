import { z } from 'zod';

/**
 * The kinds of audit entry, i.e. the prefix of the action before the first dot
 * ("account.updated" is of kind account). A new area that writes the audit log adds its prefix here.
 */
export const AUDIT_KINDS = [
  'account', 'stakeholder', 'note', 'revenue', 'renewal', 'ticket', 'usage', 'import', 'member', 'invitation', 'org', 'survey',
  'playbook', 'alert', 'api_key', 'health_config',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export const auditKindLabels: Record<AuditKind, string> = {
  account: 'Accounts',
  stakeholder: 'Stakeholders',
  note: 'Notes',
  revenue: 'Revenue',
  renewal: 'Renewals',
  ticket: 'Tickets',
  usage: 'Usage',
  member: 'Members',
  invitation: 'Invitations',
  org: 'Organization',
  import: 'Imports',
  api_key: 'API keys',
  survey: 'Surveys',
  playbook: 'Playbooks',
  alert: 'Alerts',
  health_config: 'Health score settings',
};

export const AUDIT_PAGE_SIZE = 50;

/** A calendar date the database accepts too (Feb 30 or year 0 would be a driver error). */
const isoDate = z
  .string()
  .regex(/^(19|20)\d{2}-\d{2}-\d{2}$/)
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
  });

/**
 * The audit page's search params. Bad values fall back to the defaults (no filter, page 1)
 * instead of erroring; a range given backwards is turned round.
 */
export const auditParamsSchema = z
  .object({
    /** "api", "system", or a user id */
    actor: z.union([z.enum(['api', 'system']), z.uuid()]).optional().catch(undefined),
    kind: z.enum(AUDIT_KINDS).optional().catch(undefined),
    from: isoDate.optional().catch(undefined),
    to: isoDate.optional().catch(undefined),
    page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  })
  .transform((p) => (p.from && p.to && p.from > p.to ? { ...p, from: p.to, to: p.from } : p));

export type AuditFilters = z.output<typeof auditParamsSchema>;
