import { parseBatch } from '@/lib/api/batch';
import { apiWrite } from '@/lib/api/handler';
import { recordRevenueChanges } from '@/lib/dal/ingest-revenue';
import { revenueChangeItemSchema, BATCH_MAX } from '@/lib/validation/api';

export const dynamic = 'force-dynamic';

/** POST /api/v1/revenue-changes: up to 1,000 revenue changes, idempotent by the billing system's external id. */
export const POST = apiWrite(
  ({ body, partial }) => ({ batch: parseBatch(revenueChangeItemSchema, body, BATCH_MAX), partial }),
  async (ctx, tx, { batch, partial }) => ({ status: 200, body: await recordRevenueChanges(ctx, tx, batch, partial) }),
);
