import crypto from 'node:crypto';

// The anonymous link's one-answer-per-browser cookie: a random id, httpOnly, SameSite=Lax, only sent to /s/.
// The database never sees the id itself, only a hash of it with the invitation (lib/dal/survey-answer.ts).
const COOKIE = 'tenure_respondent';
const ONE_YEAR = 365 * 24 * 3600;
const VALID = /^[A-Za-z0-9_-]{22}$/;

/** The browser's id from the request's cookie, or null when it has none (or a malformed one). */
export function readBrowserId(req: Request): string | null {
  const header = req.headers.get('cookie') ?? '';
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === COOKIE) {
      const value = rest.join('=');
      return VALID.test(value) ? value : null;
    }
  }
  return null;
}

/** A new random browser id (128 bits). */
export const newBrowserId = () => crypto.randomBytes(16).toString('base64url');

/** The Set-Cookie value that gives this browser its id; Secure when the request came over https. */
export function browserCookie(id: string, req: Request): string {
  const https = req.headers.get('x-forwarded-proto') === 'https' || req.url.startsWith('https:');
  return `${COOKIE}=${id}; Path=/s/; Max-Age=${ONE_YEAR}; HttpOnly; SameSite=Lax${https ? '; Secure' : ''}`;
}
