import { parseBody } from '@/lib/api/batch';
import { ApiError } from '@/lib/api/errors';
import { apiWrite } from '@/lib/api/handler';
import { upsertStakeholders } from '@/lib/dal/ingest-stakeholders';
import { stakeholderBodySchema, stakeholderPathSchema } from '@/lib/validation/api';

export const dynamic = 'force-dynamic';

type Params = { externalId: string; stakeholderId: string };

function parse({ body, params }: { body: unknown; params: Params }) {
  const fields = parseBody(stakeholderBodySchema, body);
  const path = parseBody(stakeholderPathSchema, params);
  return { ...fields, accountExternalId: path.externalId, externalId: path.stakeholderId };
}

/**
 * PUT /api/v1/accounts/{externalId}/stakeholders/{stakeholderExternalId}: creates (201) or updates (200)
 * the stakeholder with that external id on that account; 404 when the org has no such account.
 */
export const PUT = apiWrite<Params, ReturnType<typeof parse>>(parse, async (ctx, tx, value) => {
  // partial: the one possible item error (an unknown account) becomes this endpoint's 404
  const r = await upsertStakeholders(ctx, tx, { items: [{ index: 0, value }], errors: [], received: 1 }, true);
  if (r.errors.length) throw new ApiError('NOT_FOUND', `No account has the external id ${value.accountExternalId}.`);
  const [one] = r.results;
  return { status: one.status === 'created' ? 201 : 200, body: { id: one.id, externalId: one.externalId, status: one.status } };
});
