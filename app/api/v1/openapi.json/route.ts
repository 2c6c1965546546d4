import { apiDocument } from '@/lib/api/openapi';

export const dynamic = 'force-static';

/** GET /api/v1/openapi.json: the OpenAPI 3.1 document (public: it describes, it reveals no data). */
export function GET() {
  return Response.json(apiDocument(), { headers: { 'Access-Control-Allow-Origin': '*' } });
}
