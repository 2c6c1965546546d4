import type { SessionUser } from '@/lib/auth/session';
import type { TestUser } from './fixtures';

// Stands in for lib/auth/session, so tests choose who is signed in when they call server actions
// and route handlers. In a test file: vi.mock('@/lib/auth/session', () => import('./session')).
let current: SessionUser | null = null;

export const getSessionUser = async (): Promise<SessionUser | null> => current;

/** Signs a fixture user in (null: signed out) for the actions called next. */
export function signIn(user: TestUser | null): void {
  current = user && { id: user.id, name: user.name, email: user.email };
}

/** FormData from plain fields, as a browser would post them. */
export function form(fields: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}
