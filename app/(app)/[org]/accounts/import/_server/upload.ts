import 'server-only';
import { z } from 'zod';
import { resolveTenant, type TenantCtx } from '@/lib/auth/tenant';
import { AppError, errorStatus } from '@/lib/errors';
import { importKinds, type ImportKind } from '@/lib/import/columns';
import { CsvFileError, decodeUtf8 } from '@/lib/import/csv';

/** 20 MB: a 50,000-row file with every column filled is well under it. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export type Upload = { kind: ImportKind; text: string; fileName: string };

type RouteParams = { params: Promise<{ org: string }> };

class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

const tooLarge = () => new HttpError(413, 'PAYLOAD_TOO_LARGE', `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Split it into smaller files.`);

const fieldsSchema = z.object({
  kind: z.enum(importKinds, { message: 'Choose accounts or stakeholders.' }),
  file: z.instanceof(File, { message: 'Choose a CSV file.' }),
});

/** Reads the body up to the limit: a missing or lying Content-Length cannot make us buffer more. */
async function readBody(request: Request): Promise<Buffer<ArrayBuffer>> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_UPLOAD_BYTES + 64 * 1024) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader!.read()) {
    size += chunk.value.byteLength;
    if (size > MAX_UPLOAD_BYTES + 64 * 1024) {
      await reader!.cancel();
      throw tooLarge();
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks);
}

/** The multipart form: `kind` (accounts | stakeholders) and `file` (UTF-8 CSV). */
async function readUpload(request: Request): Promise<Upload> {
  const body = await readBody(request);
  const form = await new Response(new Blob([body]), { headers: { 'content-type': request.headers.get('content-type') ?? '' } })
    .formData()
    .catch(() => {
      throw new HttpError(400, 'VALIDATION', 'Send the file as multipart/form-data.');
    });
  const parsed = fieldsSchema.safeParse({ kind: form.get('kind'), file: form.get('file') });
  if (!parsed.success) throw new HttpError(400, 'VALIDATION', parsed.error.issues[0].message);
  const { kind, file } = parsed.data;
  if (file.size > MAX_UPLOAD_BYTES) throw tooLarge();
  return { kind, text: decodeUtf8(new Uint8Array(await file.arrayBuffer())), fileName: file.name };
}

const json = (status: number, code: string, message: string) => Response.json({ error: { code, message } }, { status });

function errorResponse(err: unknown): Response {
  if (err instanceof HttpError) return json(err.status, err.code, err.message);
  if (err instanceof CsvFileError) return json(400, 'VALIDATION', err.message);
  if (err instanceof AppError) return json(errorStatus[err.code], err.code, err.message);
  console.error('[tenure] import failed', err);
  return json(500, 'INTERNAL', 'Something went wrong. Nothing was imported; please try again.');
}

/**
 * Runs an import route: refuses cross-site posts, checks session, membership and role (csm+)
 * before reading the body, then reads and size-limits the upload. Errors become JSON
 * `{ error: { code, message } }` with their HTTP status.
 */
export async function handleImport(request: Request, { params }: RouteParams, run: (ctx: TenantCtx, upload: Upload) => Promise<Response>) {
  try {
    // the session cookie is SameSite=Lax already; this also refuses cross-site fetches
    if (request.headers.get('sec-fetch-site') === 'cross-site') throw new HttpError(403, 'FORBIDDEN', 'Cross-site uploads are not allowed.');
    const { org } = await params;
    const ctx = await resolveTenant(org, 'csm');
    return await run(ctx, await readUpload(request));
  } catch (err) {
    return errorResponse(err);
  }
}
