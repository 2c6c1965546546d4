import { parseBatch } from '@/lib/api/batch';
import { apiWrite } from '@/lib/api/handler';
import { upsertTickets } from '@/lib/dal/ingest-tickets';
import { ticketItemSchema, BATCH_MAX } from '@/lib/validation/api';

export const dynamic = 'force-dynamic';

/** POST /api/v1/tickets: up to 1,000 support tickets, upserted by the help desk's external id. */
export const POST = apiWrite(
  ({ body, partial }) => ({ batch: parseBatch(ticketItemSchema, body, BATCH_MAX), partial }),
  async (ctx, tx, { batch, partial }) => ({ status: 200, body: await upsertTickets(ctx, tx, batch, partial) }),
);
