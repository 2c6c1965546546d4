import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import {
  accountBodySchema, accountItemSchema, accountListQuerySchema, BATCH_MAX, batchBodySchema, externalIdSchema, partialQuerySchema,
  revenueChangeItemSchema, stakeholderBodySchema, stakeholderItemSchema, ticketItemSchema, usageEventItemSchema, USAGE_BATCH_MAX,
} from '@/lib/validation/api';
import {
  accountDetailSchema, accountPageSchema, batchResultSchema, errorResponseSchema, upsertResultSchema, usageResultSchema,
} from '@/lib/validation/api-responses';

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
const error = (description: string) => ({ description, ...json(errorResponseSchema) });

const retryAfter = z.int().meta({ description: 'Seconds to wait before the next request' });

/** The failures every authenticated endpoint can answer. */
const common: ZodOpenApiResponsesObject = {
  '401': error('Missing, unknown or revoked API key'),
  '429': { description: 'Too many requests with this key (600 a minute)', headers: z.object({ 'Retry-After': retryAfter }), ...json(errorResponseSchema) },
};
const writes: ZodOpenApiResponsesObject = {
  ...common,
  '400': error('Invalid JSON or invalid items: details names each item (index), field and reason; nothing was written'),
  '403': error('The API key is read-only'),
  '409': error('The Idempotency-Key was used with a different request, or a concurrent request wrote the same records'),
  '413': error('The body is over 5 MB or has too many items'),
};

const idempotencyHeader = z.object({
  'Idempotency-Key': z.string().min(1).max(200).optional()
    .meta({ description: 'Any unique string (a UUID): a repeat with the same key and body within 24 hours returns the first answer without writing again' }),
});

function batch(summary: string, description: string, item: z.ZodType, max: number, id: string, result: z.ZodType = batchResultSchema): ZodOpenApiOperationObject {
  return {
    summary, description, tags: ['Ingestion'],
    requestParams: { query: partialQuerySchema, header: idempotencyHeader },
    requestBody: { required: true, ...json(batchBodySchema(item, max, id)) },
    responses: { '200': { description: 'What was written (and, with ?partial=true, the refused items)', ...json(result) }, ...writes },
  };
}

const upsert = (summary: string, description: string, params: z.ZodObject, body: z.ZodType, extra: ZodOpenApiResponsesObject = {}): ZodOpenApiOperationObject => ({
  summary, description, tags: ['Ingestion'],
  requestParams: { path: params, header: idempotencyHeader },
  requestBody: { required: true, ...json(body) },
  responses: {
    '200': { description: 'Updated, or unchanged', ...json(upsertResultSchema) },
    '201': { description: 'Created', ...json(upsertResultSchema) },
    ...writes,
    ...extra,
  },
});

const accountPath = z.object({ externalId: externalIdSchema.meta({ description: 'The account\'s external id' }) });

/** The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the handlers validate with. */
export function apiDocument() {
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Tenure ingestion API', version: '1.0.0',
      description: 'Push accounts, stakeholders, usage, revenue changes and tickets from your CRM, product and billing systems. Authenticate with an org API key: `Authorization: Bearer tnr_…`.',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API key created by an admin under Settings → API keys' } } },
    paths: {
      '/accounts': {
        get: {
          summary: 'List accounts', description: 'The org\'s accounts (archived ones too) with current health, in a stable order; follow nextCursor for the next page.', tags: ['Accounts'],
          requestParams: { query: accountListQuerySchema },
          responses: { '200': { description: 'One page', ...json(accountPageSchema) }, '400': error('Bad limit or cursor'), ...common },
        },
      },
      '/accounts/{externalId}': {
        get: {
          summary: 'Get an account', description: 'One account with its current health and KPIs.', tags: ['Accounts'],
          requestParams: { path: accountPath },
          responses: { '200': { description: 'The account', ...json(accountDetailSchema) }, '404': error('No account has this external id'), ...common },
        },
        put: upsert('Upsert an account', 'Creates the account with this external id, or updates it: fields you leave out keep their value, null clears one.', accountPath, accountBodySchema),
      },
      '/accounts:batch': {
        post: batch('Upsert accounts in a batch', `Up to ${BATCH_MAX.toLocaleString('en-US')} accounts by external id in one call.`, accountItemSchema, BATCH_MAX, 'AccountBatch'),
      },
      '/accounts/{externalId}/stakeholders/{stakeholderExternalId}': {
        put: upsert(
          'Upsert a stakeholder', 'Creates or updates the stakeholder with this external id on the account.',
          accountPath.extend({ stakeholderExternalId: externalIdSchema.meta({ description: 'The stakeholder\'s external id' }) }), stakeholderBodySchema,
          { '404': error('No account has this external id') },
        ),
      },
      '/stakeholders:batch': {
        post: batch('Upsert stakeholders in a batch', `Up to ${BATCH_MAX.toLocaleString('en-US')} stakeholders, each on the account named by accountExternalId.`, stakeholderItemSchema, BATCH_MAX, 'StakeholderBatch'),
      },
      '/usage': {
        post: batch(
          'Post usage events',
          `Up to ${USAGE_BATCH_MAX.toLocaleString('en-US')} raw events. They are rolled into one row per account, end user and day (the org's timezone), and monthly roll-ups; the accounts' health is recomputed. Posting the same events twice counts them twice: send an Idempotency-Key.`,
          usageEventItemSchema, USAGE_BATCH_MAX, 'UsageBatch', usageResultSchema,
        ),
      },
      '/revenue-changes': {
        post: batch('Post revenue changes', 'MRR changes from your billing system, idempotent by their external id (a repeat with other values corrects the change).', revenueChangeItemSchema, BATCH_MAX, 'RevenueChangeBatch'),
      },
      '/tickets': {
        post: batch('Post support tickets', 'Tickets from your help desk, upserted by their external id; closing one is a repeat with closedAt.', ticketItemSchema, BATCH_MAX, 'TicketBatch'),
      },
    },
  });
}

export type ApiDocument = ReturnType<typeof apiDocument>;
