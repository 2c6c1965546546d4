import { z } from 'zod';
import { ticketPriorityEnum } from '@/db/schema/enums';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** A moment as a Date or an ISO 8601 timestamp with a zone ("2026-03-01T09:30:00Z"). */
export const timestampSchema = z.union(
  [z.date(), z.iso.datetime({ offset: true, message: 'Use a timestamp like 2026-03-01T09:30:00Z.' })],
  { message: 'Use a timestamp like 2026-03-01T09:30:00Z.' },
).transform((v) => new Date(v)).refine((d) => Number.isFinite(d.getTime()), { message: 'That moment does not exist.' });

/** A new support ticket; openedAt defaults to now. */
export const openTicketSchema = z.object({
  subject: z.preprocess(blank, z.string().trim().max(200, { message: 'Keep the subject to 200 characters or fewer.' }).optional()).transform((v) => v ?? null),
  priority: z.preprocess(blank, z.enum(ticketPriorityEnum.enumValues, { message: 'Choose a priority.' }).default('normal')),
  openedAt: z.preprocess(blank, timestampSchema.optional()),
  externalId: z.preprocess(blank, z.string().trim().max(200).optional()).transform((v) => v ?? null),
});

export type OpenTicketInput = z.input<typeof openTicketSchema>;

// A checkbox posts "on"; JSON sends a boolean.
const flag = z.preprocess((v) => (v === 'on' || v === 'true' ? true : v === 'false' ? false : v), z.boolean({ message: 'Say whether it was resolved on first contact.' }));

/** Closing a ticket: whether the first contact resolved it; closedAt defaults to now. */
export const closeTicketSchema = z.object({
  resolvedFirstContact: flag,
  closedAt: z.preprocess(blank, timestampSchema.optional()),
});

export type CloseTicketInput = z.input<typeof closeTicketSchema>;

/** An account's ticket list: status filter and page; bad values fall back to the defaults. */
export const ticketListParamsSchema = z.object({
  status: z.enum(['open', 'closed', 'all']).default('all').catch('all'),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25).catch(25),
});

export type TicketListParams = z.input<typeof ticketListParamsSchema>;
