import 'server-only';
import { headers } from 'next/headers';
import { env, publicUrl } from '@/lib/env';

/**
 * The client's IP from a request's headers, for rate limits. Each proxy appends the address it saw to
 * X-Forwarded-For (and Next adds the socket's address when the header is absent), so the entries a client typed
 * come first: the client is TENURE_PROXY_HOPS entries from the right end (default 1: what the nearest proxy saw),
 * never the client-controlled left end. Fewer entries than hops: the leftmost; none: x-real-ip, else 'local'.
 */
export function ipFromHeaders(h: Pick<Headers, 'get'>, hops = env.TENURE_PROXY_HOPS): string {
  const entries = (h.get('x-forwarded-for') ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  if (entries.length > 0) return entries[Math.max(0, entries.length - hops)];
  return h.get('x-real-ip')?.trim() || 'local';
}

/** The client's IP as the first proxy saw it, for rate limits ('local' when unknown). */
export async function clientIp(): Promise<string> {
  return ipFromHeaders(await headers());
}

/** An absolute link into the app, for emails and copyable links. */
export const absoluteUrl = (path: string) => new URL(path, publicUrl()).toString();
