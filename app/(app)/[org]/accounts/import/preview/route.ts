import { previewImport } from '@/lib/dal/import';
import { handleImport } from '../_server/upload';

type Context = { params: Promise<{ org: string }> };

/** POST multipart/form-data (kind, file): validates the CSV and says what an import would do; writes nothing. */
export async function POST(request: Request, context: Context) {
  return handleImport(request, context, async (ctx, upload) => Response.json(await previewImport(ctx, upload.kind, upload.text)));
}
