import { z } from 'zod';
import 'zod-openapi';
import {
  influenceEnum, lifecycleStageEnum, segmentEnum, sentimentEnum, stakeholderRoleEnum, ticketPriorityEnum,
} from '@/db/schema/enums';
import { accountFieldsSchema, isoDateSchema } from './accounts';
import { MONEY_MAX } from './revenue';
import { normalizeUserKey, USAGE_BATCH_MAX } from './usage';

// The API's request bodies. They are JSON, so (unlike forms) a number is a number and null means
// "clear this field"; an absent field keeps its current value on an update. The OpenAPI document
// is generated from these same schemas (lib/api/openapi.ts), so what is documented is what is enforced.

/** Items per call of the batch endpoints; the usage endpoint takes USAGE_BATCH_MAX events. */
export const BATCH_MAX = 1_000;
export { USAGE_BATCH_MAX };

/** The largest request body we read, in bytes: 10,000 usage events fit with room to spare. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export const externalIdSchema = z
  .string({ message: 'Give the external id.' })
  .trim()
  .min(1, { message: 'Give the external id.' })
  .max(200, { message: 'Use at most 200 characters.' })
  .meta({ description: 'Your system\'s id (CRM, billing, help desk); unique per org', example: 'crm-0042' });

/** Path parameters: an account's external id, and a stakeholder's within it. */
export const accountPathSchema = z.object({ externalId: externalIdSchema });
export const stakeholderPathSchema = z.object({ externalId: externalIdSchema, stakeholderId: externalIdSchema });

const date = isoDateSchema.meta({ description: 'A calendar date, YYYY-MM-DD', example: '2026-01-31' });
const timestamp = z.iso
  .datetime({ offset: true, message: 'Use a timestamp like 2026-03-01T09:30:00Z.' })
  .meta({ description: 'ISO 8601 with a zone', example: '2026-03-01T09:30:00Z' });

/** Fields of an account; `name` is required, the rest keep their value when absent and clear with null. */
export const accountBodySchema = z
  .object({
    name: accountFieldsSchema.shape.name.meta({ example: 'Globex Corporation' }),
    domain: accountFieldsSchema.shape.domain.nullable().optional().meta({ description: 'A bare domain; a pasted URL is reduced to it', example: 'globex.com' }),
    segment: z.enum(segmentEnum.enumValues, { message: 'Choose enterprise, mid_market or smb.' }).nullable().optional(),
    stage: z.enum(lifecycleStageEnum.enumValues, { message: 'Choose onboarding, adopting, mature or renewal.' }).optional(),
    licensedSeats: z.int({ message: 'Give a whole number of seats.' }).min(0, { message: 'Seats cannot be negative.' }).max(10_000_000).nullable().optional().meta({ example: 120 }),
    contractStart: date.nullable().optional(),
    nextRenewalDate: date.nullable().optional(),
    ownerEmail: z.email({ message: 'Enter a valid email address.' }).max(320).transform((v) => v.toLowerCase()).nullable().optional()
      .meta({ description: 'The owning CSM: the email of a member of the org (null: no owner)', example: 'casey@yourcompany.com' }),
  })
  .strict()
  .meta({ id: 'AccountInput', description: 'An account, matched by its external id' });

export const accountItemSchema = accountBodySchema
  .extend({ externalId: externalIdSchema })
  .strict()
  .meta({ id: 'AccountBatchItem', description: 'An account and its external id' });

/** Fields of a stakeholder of an account, matched within the account by its external id. */
export const stakeholderBodySchema = z
  .object({
    name: z.string({ message: 'Enter a name.' }).trim().min(1, { message: 'Enter a name.' }).max(200).meta({ example: 'Dana Scully' }),
    email: z.email({ message: 'Enter a valid email address.' }).max(320).transform((v) => v.toLowerCase()).nullable().optional().meta({ example: 'dana@globex.com' }),
    title: z.string().trim().max(200).nullable().optional().meta({ example: 'VP Operations' }),
    role: z.enum(stakeholderRoleEnum.enumValues, { message: 'Choose champion, decision_maker, economic_buyer, user or other.' }).optional(),
    influence: z.enum(influenceEnum.enumValues, { message: 'Choose low, medium or high.' }).optional(),
    sentiment: z.enum(sentimentEnum.enumValues, { message: 'Choose positive, neutral or negative.' }).optional(),
    isPrimary: z.boolean().optional().meta({ description: 'The account\'s primary contact; setting it unsets the previous one' }),
    doNotSurvey: z.boolean().optional(),
    lastContactedAt: timestamp.nullable().optional(),
    leftAt: timestamp.nullable().optional().meta({ description: 'When the person left the company (a champion leaving is a churn signal)' }),
  })
  .strict()
  .meta({ id: 'StakeholderInput' });

export const stakeholderItemSchema = stakeholderBodySchema
  .extend({ accountExternalId: externalIdSchema, externalId: externalIdSchema })
  .strict()
  .meta({ id: 'StakeholderBatchItem' });

const FEATURE_KEY = /^[a-z0-9][a-z0-9_.:-]{0,63}$/;

/** One raw product event of an end user at an account. */
export const usageEventItemSchema = z
  .object({
    accountExternalId: externalIdSchema,
    userKey: z
      .string({ message: 'Give the user key.' })
      .trim()
      .min(1, { message: 'Give the user key.' })
      .max(256)
      .transform(normalizeUserKey)
      .meta({ description: 'The end user\'s id in your product; an email is stored only as its SHA-256', example: 'user-981' }),
    occurredAt: timestamp,
    featureKey: z
      .string()
      .trim()
      .toLowerCase()
      .regex(FEATURE_KEY, { message: 'A feature key is 1-64 letters, digits, "_", ".", ":" or "-".' })
      .nullable()
      .optional()
      .meta({ example: 'reports.export' }),
    sessions: z.int().min(0).max(10_000).optional().meta({ description: 'Sessions this event starts (usually 0 or 1)', example: 1 }),
  })
  .strict()
  .meta({ id: 'UsageEvent' });

/** A revenue change from the billing system, idempotent by its external id. */
export const revenueChangeItemSchema = z
  .object({
    externalId: externalIdSchema,
    accountExternalId: externalIdSchema,
    effectiveDate: date,
    mrr: z.int({ message: 'Give the MRR in whole minor units (cents).' }).min(0, { message: 'The MRR cannot be negative.' }).max(MONEY_MAX)
      .meta({ description: 'The MRR from this date on, in integer minor units (cents)', example: 150000 }),
    currency: z.string().regex(/^[A-Z]{3}$/, { message: 'Use a 3-letter ISO 4217 code like USD.' }).optional()
      .meta({ description: 'Must be the org\'s currency when given', example: 'USD' }),
    churnReason: z.string().trim().min(1).max(200).nullable().optional().meta({ description: 'Required when the MRR is 0 (a churn)' }),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.mrr === 0 && !v.churnReason) ctx.addIssue({ code: 'custom', path: ['churnReason'], message: 'Give the churn reason: a change to 0 is a churn.' });
    if (v.mrr > 0 && v.churnReason) ctx.addIssue({ code: 'custom', path: ['churnReason'], message: 'A churn reason goes only with an MRR of 0.' });
  })
  .meta({ id: 'RevenueChange' });

/** A support ticket from the help desk, upserted by its external id. */
export const ticketItemSchema = z
  .object({
    externalId: externalIdSchema,
    accountExternalId: externalIdSchema,
    subject: z.string().trim().max(200).nullable().optional().meta({ example: 'Export fails' }),
    priority: z.enum(ticketPriorityEnum.enumValues, { message: 'Choose low, normal, high or urgent.' }).optional(),
    openedAt: timestamp,
    closedAt: timestamp.nullable().optional(),
    resolvedFirstContact: z.boolean().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.closedAt && Date.parse(v.closedAt) < Date.parse(v.openedAt)) ctx.addIssue({ code: 'custom', path: ['closedAt'], message: 'A ticket cannot close before it opened.' });
  })
  .meta({ id: 'Ticket' });

export type AccountItem = z.output<typeof accountItemSchema>;
export type StakeholderItem = z.output<typeof stakeholderItemSchema>;
export type UsageEventItem = z.output<typeof usageEventItemSchema>;
export type RevenueChangeItem = z.output<typeof revenueChangeItemSchema>;
export type TicketItem = z.output<typeof ticketItemSchema>;

/** A batch body as documented: `{ items: [...] }` with at most `max` items. */
export const batchBodySchema = <T extends z.ZodType>(item: T, max: number, id: string) =>
  z.object({ items: z.array(item).max(max) }).meta({ id, description: `At most ${max.toLocaleString('en-US')} items; all-or-nothing unless ?partial=true` });

/** The envelope read before the items are checked one by one (so each error names its item). */
export const batchEnvelopeSchema = z.object({ items: z.array(z.unknown(), { message: 'Send { "items": [ ... ] }.' }) });

/** GET /accounts: a page size and the cursor from the previous page. */
export const accountListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).meta({ description: 'Accounts per page, 1-200', example: 50 }),
  cursor: z.string().max(200).optional().meta({ description: 'nextCursor of the previous page' }),
});

/** The `partial` query parameter of batch endpoints. */
export const partialQuerySchema = z.object({
  partial: z.enum(['true', 'false']).optional().meta({ description: 'true: write the valid items and report the others; default: all-or-nothing' }),
});
