import { z } from 'zod';
import { alertPriorityEnum } from '@/db/schema/playbooks';

export const ALERTS_PAGE_SIZE = 25;

/** Inbox status filter: "active" = open and snoozed (the default), or one status, or everything. */
export const ALERT_STATUS_FILTERS = ['active', 'open', 'snoozed', 'resolved', 'all'] as const;
export type AlertStatusFilter = (typeof ALERT_STATUS_FILTERS)[number];

/** The inbox's search params. Junk falls back to the defaults instead of erroring (they come from URLs). */
export const alertParamsSchema = z.object({
  mine: z.enum(['1']).optional().catch(undefined),
  priority: z.enum(alertPriorityEnum.enumValues).optional().catch(undefined),
  playbook: z.uuid().optional().catch(undefined),
  account: z.uuid().optional().catch(undefined),
  status: z.enum(ALERT_STATUS_FILTERS).default('active').catch('active'),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

export type AlertFilters = z.output<typeof alertParamsSchema>;

const alertId = z.uuid({ message: 'That alert was not found.' });
const isRealDate = (s: string) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** Snooze until a date (org-local; the DAL checks it is after today) with a reason. */
export const snoozeAlertSchema = z.object({
  alertId,
  until: z.string({ message: 'Choose the date to snooze until.' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Choose the date to snooze until.' })
    .refine(isRealDate, { message: 'That date does not exist.' }),
  reason: z.string({ message: 'Say why you snooze it.' }).trim().min(1, { message: 'Say why you snooze it.' }).max(500, { message: 'Keep the reason to 500 characters.' }),
});

/** Resolve with a note (what was done). */
export const resolveAlertSchema = z.object({
  alertId,
  note: z.string({ message: 'Write what was done.' }).trim().min(1, { message: 'Write what was done.' }).max(1000, { message: 'Keep the note to 1,000 characters.' }),
});

/** Assign to a member (a user id) or clear the assignee ("none"). */
export const assignAlertSchema = z.object({
  alertId,
  assigneeId: z.union([z.literal('none'), z.uuid({ message: 'Choose a member.' })], { message: 'Choose a member.' }),
});

export type SnoozeInput = Omit<z.output<typeof snoozeAlertSchema>, 'alertId'>;
