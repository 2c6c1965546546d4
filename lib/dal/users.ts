import 'server-only';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { invitations, memberships, organizations, users } from '@/db/schema';
import { DUMMY_HASH, hashPassword, verifyPassword } from '@/lib/auth/password';
import { hashToken } from '@/lib/auth/tokens';
import { AppError } from '@/lib/errors';
import { clearHits, hit, refund } from '@/lib/rate-limit';
import { RESERVED_SLUGS, slugify } from '@/lib/validation/auth';
import { recordAudit, userActor } from './audit';
import { acceptInvitationTx } from './invitations';

export type LoginResult =
  | { status: 'ok'; user: { id: string; name: string; email: string } }
  | { status: 'invalid' }
  | { status: 'rate_limited'; retryAfterSec: number };

/**
 * Checks an email and password. Every attempt is counted against the email and the client IP
 * before the password is checked (so parallel guesses cannot slip past the limit); once either
 * budget is spent every attempt is refused, even with the right password. A success clears the
 * email's count and gives the IP its point back.
 */
export async function verifyLogin(email: string, password: string, ip: string): Promise<LoginResult> {
  const key = email.trim().toLowerCase();
  for (const [rule, k] of [['loginEmail', key], ['loginIp', ip]] as const) {
    const v = await hit(rule, k);
    if (!v.ok) return { status: 'rate_limited', retryAfterSec: v.retryAfterSec };
  }
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(sql`lower(${users.email})`, key))
    .limit(1);
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) return { status: 'invalid' };
  await clearHits('loginEmail', key);
  await refund('loginIp', ip);
  return { status: 'ok', user: { id: user.id, name: user.name, email: user.email } };
}

const MAX_SLUG = 40;

/** The n-th slug candidate for a name: "acme", then "acme-2", "acme-3"…, always within 40 characters. */
function slugCandidate(base: string, n: number): string {
  if (n === 1) return base;
  const suffix = `-${n}`;
  return `${base.slice(0, MAX_SLUG - suffix.length).replace(/-+$/, '')}${suffix}`;
}

/**
 * Inserts the org under the first free slug for its name. Reserved words count as taken, and a
 * slug taken by a concurrent sign-up is skipped (ON CONFLICT DO NOTHING) instead of failing.
 */
async function insertOrgWithFreeSlug(tx: Tx, name: string): Promise<{ id: string; slug: string }> {
  const base = slugify(name);
  for (let n = 1; n < 1000; n++) {
    const slug = slugCandidate(base, n);
    if (RESERVED_SLUGS.has(slug)) continue;
    const [org] = await tx
      .insert(organizations)
      .values({ name, slug })
      .onConflictDoNothing({ target: organizations.slug })
      .returning({ id: organizations.id, slug: organizations.slug });
    if (org) return org;
  }
  throw new AppError('CONFLICT', 'Could not find a free address for this company name; try a more specific name.', { orgName: ['Try a more specific name.'] });
}

export type SignUpInput = { name: string; email: string; password: string; orgName: string; invite: string };

/**
 * Creates a user and, in the same transaction, either a new org they own or their membership
 * through an invitation for the same email. Returns the slug to land on.
 */
export async function signUp(signup: SignUpInput): Promise<{ userId: string; orgSlug: string }> {
  const input = { ...signup, email: signup.email.trim().toLowerCase() };
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
    const { id: orgId, slug } = await insertOrgWithFreeSlug(tx, input.orgName);
    const org = { id: orgId };
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
