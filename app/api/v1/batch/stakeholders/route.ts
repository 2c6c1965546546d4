import { parseBatch } from '@/lib/api/batch';
import { apiWrite } from '@/lib/api/handler';
import { upsertStakeholders } from '@/lib/dal/ingest-stakeholders';
import { stakeholderItemSchema, BATCH_MAX } from '@/lib/validation/api';

export const dynamic = 'force-dynamic';

/** POST /api/v1/stakeholders:batch (rewritten here by next.config.js): upserts up to 1,000 stakeholders, each on the account named by its accountExternalId. */
export const POST = apiWrite(
  ({ body, partial }) => ({ batch: parseBatch(stakeholderItemSchema, body, BATCH_MAX), partial }),
  async (ctx, tx, { batch, partial }) => ({ status: 200, body: await upsertStakeholders(ctx, tx, batch, partial) }),
);
