import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { db } from '@/db';
import {
  accounts, auditLog, memberships, organizations, stakeholders, users,
  type Account, type NewAccount, type NewStakeholder, type Organization, type Role, type Stakeholder,
} from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { tenantCtxFor } from '@/lib/auth/testing';
import type { TenantCtx } from '@/lib/auth/tenant-ctx';
import { AppError, type ErrorCode } from '@/lib/errors';

/** The password of every fixture user. */
export const TEST_PASSWORD = 'correct horse battery';

// bcrypt costs ~70 ms a hash: hash once per test file and reuse it for every fixture user.
let passwordHash: Promise<string> | undefined;
const testPasswordHash = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

/** A short random suffix: slugs and emails stay unique on a shared PostgreSQL database. */
export const uniq = () => randomUUID().slice(0, 8);

/** A fresh, never-used email address. */
export const uniqueEmail = (label = 'user') => `${label}-${uniq()}@example.test`;

export type TestUser = { id: string; name: string; email: string; password: string };

/** Inserts a user with TEST_PASSWORD, without any membership. */
export async function makeUser(label = 'user'): Promise<TestUser> {
  const email = uniqueEmail(label);
  const name = `${label} ${email.slice(label.length + 1, label.length + 9)}`;
  const [row] = await db.insert(users).values({ name, email, passwordHash: await testPasswordHash() }).returning({ id: users.id });
  return { id: row.id, name, email, password: TEST_PASSWORD };
}

/** Inserts a new user and makes them a member of the org with `role`. */
export async function addMember(orgId: string, role: Role, label: string = role): Promise<TestUser> {
  const user = await makeUser(label);
  await db.insert(memberships).values({ orgId, userId: user.id, role });
  return user;
}

type ExtraRole = Exclude<Role, 'owner'>;

export type TestOrg<R extends ExtraRole> = {
  org: Organization;
  users: Record<'owner' | R, TestUser>;
  /** The real TenantCtx of that role's user, read back from the database. */
  ctx: (role: 'owner' | R) => Promise<TenantCtx>;
};

/**
 * An org with an owner plus one user per role in `roles` (default: admin, csm and viewer), each
 * with its own unique email, inserted directly (no audit entries).
 */
export async function makeOrg<R extends ExtraRole = ExtraRole>(opts: { roles?: R[]; name?: string } = {}): Promise<TestOrg<R>> {
  const roles = opts.roles ?? (['admin', 'csm', 'viewer'] as R[]);
  const slug = `t-${uniq()}-${uniq()}`;
  const [org] = await db.insert(organizations).values({ name: opts.name ?? `Test org ${slug}`, slug }).returning();
  const created = { owner: await addMember(org.id, 'owner') } as Record<'owner' | R, TestUser>;
  for (const role of roles) created[role] = await addMember(org.id, role);
  return {
    org,
    users: created,
    ctx: (role) => {
      const user = created[role];
      if (!user) throw new Error(`makeOrg was not asked for a ${role}`);
      return tenantCtxFor(user.id, org.slug);
    },
  };
}

const orgIdOf = (target: TenantCtx | string) => (typeof target === 'string' ? target : target.orgId);

/** Inserts an account into the org of `target` (a TenantCtx or an org id). */
export async function makeAccount(target: TenantCtx | string, overrides: Partial<Omit<NewAccount, 'orgId'>> = {}): Promise<Account> {
  const [row] = await db
    .insert(accounts)
    .values({ name: `Account ${uniq()}`, domain: `acct-${uniq()}.example`, ...overrides, orgId: orgIdOf(target) })
    .returning();
  return row;
}

/** Inserts a stakeholder on one of the org's accounts. */
export async function makeStakeholder(
  target: TenantCtx | string,
  accountId: string,
  overrides: Partial<Omit<NewStakeholder, 'orgId' | 'accountId'>> = {},
): Promise<Stakeholder> {
  const [row] = await db
    .insert(stakeholders)
    .values({ name: `Stakeholder ${uniq()}`, email: uniqueEmail('stakeholder'), ...overrides, orgId: orgIdOf(target), accountId })
    .returning();
  return row;
}

/** The org's audit entries with this action, oldest first. */
export async function auditEntries(orgId: string, action: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, action)))
    .orderBy(auditLog.createdAt);
}

/** The role of a user in an org, or null when they are not a member. */
export async function roleOf(orgId: string, userId: string): Promise<Role | null> {
  const [m] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return m?.role ?? null;
}

/** Awaits `promise` and asserts it rejected with an AppError of `code`; returns the error. */
export async function expectAppError(promise: Promise<unknown>, code: ErrorCode): Promise<AppError> {
  const err = await promise.then(
    () => {
      throw new Error(`expected an AppError ${code}, but the call succeeded`);
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  return err as AppError;
}
