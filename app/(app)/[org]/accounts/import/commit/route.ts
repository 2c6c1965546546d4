import { commitImport } from '@/lib/dal/import';
import { handleImport } from '../_server/upload';
import { queueAfterCommit } from '@/lib/notifications/after-commit';

type Context = { params: Promise<{ org: string }> };

/**
 * POST multipart/form-data (kind, file): validates the file again (the preview is never trusted)
 * and imports it in one transaction. Any invalid row: 400 with the preview, and nothing written.
 */
export async function POST(request: Request, context: Context) {
  return handleImport(request, context, async (ctx, upload) => {
    const result = await queueAfterCommit(() => commitImport(ctx, upload.kind, upload.text, upload.fileName));
    if (result.ok) return Response.json(result);
    const message = 'Fix the errors in your file and upload it again; nothing was imported.';
    return Response.json({ error: { code: 'VALIDATION', message }, preview: result.preview }, { status: 400 });
  });
}
