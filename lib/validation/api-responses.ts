import { z } from 'zod';
import 'zod-openapi';
import { healthBandEnum, lifecycleStageEnum, segmentEnum } from '@/db/schema/enums';

// The API's response bodies. Route handlers build plain objects of these shapes; the contract tests
// parse real responses with these schemas and the OpenAPI document is generated from them.

const dateTime = z.iso.datetime({ offset: true });
const date = z.iso.date();

export const API_ERROR_CODES = [
  'VALIDATION', 'MALFORMED_JSON', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'PAYLOAD_TOO_LARGE', 'RATE_LIMITED', 'INTERNAL',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** One problem with one item of a batch (or with the single body when `index` is absent). */
export const itemErrorSchema = z
  .object({
    index: z.int().min(0).optional().meta({ description: 'Position of the item in `items` (0-based); absent for a single-object body' }),
    field: z.string().meta({ description: 'Path of the field inside the item; empty when the whole item is wrong', example: 'mrr' }),
    message: z.string().meta({ example: 'The MRR cannot be negative.' }),
  })
  .meta({ id: 'ItemError' });

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.enum(API_ERROR_CODES),
      message: z.string(),
      details: z.array(itemErrorSchema),
    }),
  })
  .meta({ id: 'Error', description: 'Every error has this shape' });

export const batchResultSchema = z
  .object({
    received: z.int(),
    created: z.int(),
    updated: z.int(),
    unchanged: z.int(),
    failed: z.int().meta({ description: 'Items not written (only with ?partial=true; otherwise any error fails the call)' }),
    results: z.array(z.object({
      index: z.int(),
      externalId: z.string(),
      id: z.uuid(),
      status: z.enum(['created', 'updated', 'unchanged']),
    })),
    errors: z.array(itemErrorSchema),
  })
  .meta({ id: 'BatchResult' });

export const upsertResultSchema = z
  .object({ id: z.uuid(), externalId: z.string(), status: z.enum(['created', 'updated', 'unchanged']) })
  .meta({ id: 'UpsertResult' });

export const usageResultSchema = z
  .object({
    received: z.int(),
    accepted: z.int(),
    failed: z.int(),
    dailyRows: z.int().meta({ description: 'Per-user daily rows written or added to' }),
    months: z.int().meta({ description: '(account, month) roll-ups recomputed' }),
    errors: z.array(itemErrorSchema),
  })
  .meta({ id: 'UsageResult' });

export const healthSchema = z
  .object({
    score: z.int().min(0).max(100).nullable().meta({ description: 'null: not enough data (or not computed yet)' }),
    band: z.enum(healthBandEnum.enumValues).nullable(),
    updatedAt: dateTime.nullable(),
  })
  .meta({ id: 'Health' });

export const accountResourceSchema = z
  .object({
    id: z.uuid(),
    externalId: z.string().nullable(),
    name: z.string(),
    domain: z.string().nullable(),
    segment: z.enum(segmentEnum.enumValues).nullable(),
    stage: z.enum(lifecycleStageEnum.enumValues),
    licensedSeats: z.int().nullable(),
    contractStart: date.nullable(),
    nextRenewalDate: date.nullable(),
    ownerEmail: z.string().nullable().meta({ description: 'The owning member\'s email; null when the account has no owner' }),
    archivedAt: dateTime.nullable(),
    createdAt: dateTime,
    updatedAt: dateTime,
    health: healthSchema,
  })
  .meta({ id: 'Account' });

export const accountKpisSchema = z
  .object({
    mrr: z.int().nullable().meta({ description: 'MRR today in minor units; null when no revenue change was ever recorded' }),
    currency: z.string(),
    status: z.enum(['paying', 'churned']).nullable(),
    activeUsers30d: z.int().meta({ description: 'Distinct active end users in the last 30 days (org timezone)' }),
    licenseUtilization: z.number().nullable().meta({ description: 'activeUsers30d ÷ licensed seats × 100; null without seats' }),
    openTickets: z.int(),
    openHighPriorityTickets: z.int().meta({ description: 'Open tickets of priority high or urgent' }),
    stakeholders: z.int().meta({ description: 'Stakeholders who have not left' }),
  })
  .meta({ id: 'AccountKpis' });

export const accountDetailSchema = accountResourceSchema.extend({ kpis: accountKpisSchema }).meta({ id: 'AccountDetail' });

export const accountPageSchema = z
  .object({ data: z.array(accountResourceSchema), nextCursor: z.string().nullable().meta({ description: 'Pass as ?cursor= for the next page; null on the last page' }) })
  .meta({ id: 'AccountPage' });

export type ItemError = z.infer<typeof itemErrorSchema>;
export type BatchResult = z.infer<typeof batchResultSchema>;
export type UsageResultBody = z.infer<typeof usageResultSchema>;
export type AccountResource = z.infer<typeof accountResourceSchema>;
export type AccountDetail = z.infer<typeof accountDetailSchema>;
export type AccountPage = z.infer<typeof accountPageSchema>;
