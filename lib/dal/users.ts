import 'server-only';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { invitations, memberships, organizations, users } from '@/db/schema';
import { DUMMY_HASH, hashPassword, verifyPassword } from '@/lib/auth/password';
import { hashToken } from '@/lib/auth/tokens';
import { AppError } from '@/lib/errors';
import { clearHits, hit, isBlocked } from '@/lib/rate-limit';
import { slugify } from '@/lib/validation/auth';
import { recordAudit, userActor } from './audit';
import { acceptInvitationTx } from './invitations';

export type LoginResult =
  | { status: 'ok'; user: { id: string; name: string; email: string } }
  | { status: 'invalid' }
  | { status: 'rate_limited'; retryAfterSec: number };

/**
 * Checks an email and password. Failures count against the email and the client IP; once either
 * has spent its budget every attempt is refused, even with the right password.
 */
export async function verifyLogin(email: string, password: string, ip: string): Promise<LoginResult> {
  const key = email.toLowerCase();
  for (const [rule, k] of [['loginEmail', key], ['loginIp', ip]] as const) {
    const v = await isBlocked(rule, k);
    if (!v.ok) return { status: 'rate_limited', retryAfterSec: v.retryAfterSec };
  }
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(sql`lower(${users.email})`, key))
    .limit(1);
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) {
    await hit('loginEmail', key);
    await hit('loginIp', ip);
    return { status: 'invalid' };
  }
  await clearHits('loginEmail', key);
  return { status: 'ok', user: { id: user.id, name: user.name, email: user.email } };
}

/** Picks a free slug for a new org: the name's slug, else with -2, -3… appended. */
async function freeSlug(tx: Tx, name: string): Promise<string> {
  const base = slugify(name);
  const taken = await tx
    .select({ slug: organizations.slug })
    .from(organizations)
    .where(sql`${organizations.slug} = ${base} or ${organizations.slug} like ${`${base}-%`}`);
  const used = new Set(taken.map((r) => r.slug));
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}

export type SignUpInput = { name: string; email: string; password: string; orgName: string; invite: string };

/**
 * Creates a user and, in the same transaction, either a new org they own or their membership
 * through an invitation for the same email. Returns the slug to land on.
 */
export async function signUp(input: SignUpInput): Promise<{ userId: string; orgSlug: string }> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, input.email)).limit(1);
    if (existing) {
      throw new AppError('CONFLICT', 'An account with this email already exists. Sign in instead.', {
        email: ['An account with this email already exists. Sign in instead.'],
      });
    }
    const [user] = await tx.insert(users).values({ name: input.name, email: input.email, passwordHash }).returning({ id: users.id });
    if (input.invite) {
      const orgSlug = await acceptInvitationTx(tx, { id: user.id, email: input.email }, input.invite);
      return { userId: user.id, orgSlug };
    }
    const slug = await freeSlug(tx, input.orgName);
    const [org] = await tx.insert(organizations).values({ name: input.orgName, slug }).returning({ id: organizations.id });
    await tx.insert(memberships).values({ orgId: org.id, userId: user.id, role: 'owner' });
    await recordAudit(tx, org.id, userActor(user.id), {
      action: 'org.created',
      entityType: 'organization',
      entityId: org.id,
      after: { name: input.orgName, slug, owner: input.email },
    });
    return { userId: user.id, orgSlug: slug };
  });
}

/** The orgs a user belongs to, for the org switcher and the sign-in landing page. User-scoped. */
export async function listUserOrgs(userId: string) {
  return db
    .select({ slug: organizations.slug, name: organizations.name, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(organizations.name);
}

/** A pending, unexpired invitation by its raw token, with its org; null when unusable. */
export async function findOpenInvitation(token: string) {
  const [row] = await db
    .select({
      orgId: invitations.orgId,
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      orgName: organizations.name,
      orgSlug: organizations.slug,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.orgId))
    .where(
      and(
        eq(invitations.tokenHash, hashToken(token)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .limit(1);
  return row ?? null;
}
