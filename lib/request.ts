import 'server-only';
import { headers } from 'next/headers';
import { publicUrl } from '@/lib/env';

/** The client's IP from a request's headers: the first x-forwarded-for hop, else x-real-ip, else 'local'. */
export const ipFromHeaders = (h: Pick<Headers, 'get'>) => h.get('x-forwarded-for')?.split(',')[0]?.trim() || h.get('x-real-ip') || 'local';

/** The client's IP as the first proxy saw it, for rate limits ('local' when unknown). */
export async function clientIp(): Promise<string> {
  return ipFromHeaders(await headers());
}

/** An absolute link into the app, for emails and copyable links. */
export const absoluteUrl = (path: string) => new URL(path, publicUrl()).toString();
