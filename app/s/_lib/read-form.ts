// A real answer is a score and at most 2,000 characters (≤ 18 kB form-encoded); anything much larger is refused
// before it is read into memory, whether or not the client sent a Content-Length.
const MAX_BODY_BYTES = 64 * 1024;

/** The posted form fields, or 'too_large'. Unreadable bodies count as empty (the answer is then "missing a score"). */
export async function readForm(req: Request): Promise<FormData | 'too_large'> {
  if (Number(req.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return 'too_large';
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel();
        return 'too_large';
      }
      chunks.push(value);
    }
  }
  const type = req.headers.get('content-type') ?? '';
  try {
    return await new Response(new Blob(chunks as BlobPart[]), { headers: { 'content-type': type } }).formData();
  } catch {
    return new FormData();
  }
}
