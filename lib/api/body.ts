import { MAX_BODY_BYTES } from '@/lib/validation/api';
import { ApiError } from './errors';

const tooLarge = (max: number) => new ApiError('PAYLOAD_TOO_LARGE', `The request body is larger than ${Math.round(max / 1024 / 1024)} MB; send smaller batches.`);

/**
 * Reads the body as text, at most `max` bytes: a Content-Length above it is refused before reading,
 * and a body that streams past it (no or a false Content-Length) is cut off at the limit. 413 either way.
 */
export async function readBodyText(request: Request, max = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > max) throw tooLarge(max);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses a JSON body; anything else is a 400 MALFORMED_JSON that says where. */
export function parseJson(text: string): unknown {
  if (text.trim() === '') throw new ApiError('MALFORMED_JSON', 'The request body is empty; send a JSON object.');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ApiError('MALFORMED_JSON', `The request body is not valid JSON: ${(err as Error).message}`);
  }
}
