import { apiRead } from '@/lib/api/handler';
import { parseBody } from '@/lib/api/batch';
import { listAccountsPage } from '@/lib/dal/ingest-reads';
import { accountListQuerySchema } from '@/lib/validation/api';

export const dynamic = 'force-dynamic';

/** GET /api/v1/accounts?limit=&cursor=: the org's accounts with current health, keyset-paginated. */
export const GET = apiRead(async (ctx, url) => {
  const query = parseBody(accountListQuerySchema, Object.fromEntries(url.searchParams));
  return { status: 200, body: await listAccountsPage(ctx, query) };
});
