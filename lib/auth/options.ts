import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { verifyLogin } from '@/lib/dal/users';
import { ipFromHeaders } from '@/lib/request';
import { loginSchema } from '@/lib/validation/auth';
import { authSecret } from './secret';

// Error codes passed back to the sign-in form; the form turns them into words.
export const LOGIN_ERRORS = { invalid: 'CredentialsSignin', rateLimited: 'RateLimited' } as const;

// next-auth 4 hands the sign-in request's headers as a plain object
const clientIp = (headers: Record<string, unknown> | undefined) =>
  ipFromHeaders({ get: (name: string) => (typeof headers?.[name] === 'string' ? (headers[name] as string) : null) });

/** next-auth 4 with email + password and stateless JWT sessions (any instance can verify them). */
export function getAuthOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        name: 'Email',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, req) {
          const parsed = loginSchema.safeParse(credentials ?? {});
          if (!parsed.success) return null;
          const result = await verifyLogin(parsed.data.email, parsed.data.password, clientIp(req?.headers));
          if (result.status === 'rate_limited') throw new Error(LOGIN_ERRORS.rateLimited);
          if (result.status !== 'ok') return null;
          return { id: result.user.id, name: result.user.name, email: result.user.email };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        // at sign-in only: the user and when they signed in (kept as the token is re-issued)
        if (user) {
          token.uid = user.id;
          token.authAt = Date.now();
        }
        return token;
      },
      session({ session, token }) {
        if (session.user) Object.assign(session.user, { id: token.uid as string, authAt: token.authAt as number | undefined });
        return session;
      },
    },
  };
}
