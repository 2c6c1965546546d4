import { parseBatch } from '@/lib/api/batch';
import { apiWrite } from '@/lib/api/handler';
import { ingestUsage } from '@/lib/dal/ingest-usage';
import { usageEventItemSchema, USAGE_BATCH_MAX } from '@/lib/validation/api';

export const dynamic = 'force-dynamic';

/** POST /api/v1/usage: up to 10,000 raw usage events, rolled into per-user daily and monthly rows. */
export const POST = apiWrite(
  ({ body, partial }) => ({ batch: parseBatch(usageEventItemSchema, body, USAGE_BATCH_MAX), partial }),
  async (ctx, tx, { batch, partial }) => ({ status: 200, body: await ingestUsage(ctx, tx, batch, partial) }),
);
