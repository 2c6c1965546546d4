import { parseBatch } from '@/lib/api/batch';
import { apiWrite } from '@/lib/api/handler';
import { upsertAccounts } from '@/lib/dal/ingest-accounts';
import { accountItemSchema, BATCH_MAX } from '@/lib/validation/api';

export const dynamic = 'force-dynamic';

/** POST /api/v1/accounts:batch (rewritten here by next.config.js): upserts up to 1,000 accounts by external id. */
export const POST = apiWrite(
  ({ body, partial }) => ({ batch: parseBatch(accountItemSchema, body, BATCH_MAX), partial }),
  async (ctx, tx, { batch, partial }) => ({ status: 200, body: await upsertAccounts(ctx, tx, batch, partial) }),
);
