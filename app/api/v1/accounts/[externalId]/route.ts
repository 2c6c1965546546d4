import { parseBody } from '@/lib/api/batch';
import { apiRead, apiWrite } from '@/lib/api/handler';
import { upsertAccounts } from '@/lib/dal/ingest-accounts';
import { getAccountByExternalId } from '@/lib/dal/ingest-reads';
import { accountBodySchema, accountPathSchema } from '@/lib/validation/api';

export const dynamic = 'force-dynamic';

type Params = { externalId: string };

/** GET /api/v1/accounts/{externalId}: one account with its current health and KPIs; 404 when unknown. */
export const GET = apiRead<Params>(async (ctx, _url, { externalId }) => ({ status: 200, body: await getAccountByExternalId(ctx, externalId) }));

/** PUT /api/v1/accounts/{externalId}: creates (201) or updates (200) the account with this external id. */
export const PUT = apiWrite<Params, ReturnType<typeof parse>>(
  parse,
  async (ctx, tx, value) => {
    const r = await upsertAccounts(ctx, tx, { items: [{ index: 0, value }], errors: [], received: 1 }, false);
    const [one] = r.results;
    return { status: one.status === 'created' ? 201 : 200, body: { id: one.id, externalId: one.externalId, status: one.status } };
  },
);

function parse({ body, params }: { body: unknown; params: Params }) {
  const fields = parseBody(accountBodySchema, body);
  return { ...fields, externalId: parseBody(accountPathSchema, params).externalId };
}
