import { sql } from 'drizzle-orm';
import {
  char, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { roleEnum } from './enums';

const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow().$onUpdate(() => new Date()),
};

export const organizations = pgTable('organizations', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  slug: text().notNull().unique('organizations_slug_uq'),
  currency: char({ length: 3 }).notNull().default('USD'),
  timezone: text().notNull().default('UTC'),
  surveyCooldownDays: integer().notNull().default(90),
  /** null = every feature key seen in the last 90 days */
  trackedFeatureKeys: text().array(),
  alertHysteresis: integer().notNull().default(5),
  ...timestamps,
});

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    email: text().notNull(),
    passwordHash: text().notNull(),
    /** sessions signed in before this instant are void (set by a password reset: every other device is signed out) */
    sessionsValidFrom: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex('users_email_uq').on(sql`lower(${t.email})`)],
);

export const memberships = pgTable(
  'memberships',
  {
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: roleEnum().notNull(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ name: 'memberships_pk', columns: [t.orgId, t.userId] }),
    // "which orgs is this user in" for the org switcher and sign-in landing
    index('memberships_user_idx').on(t.userId),
  ],
);

export const invitations = pgTable(
  'invitations',
  {
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    email: text().notNull(),
    role: roleEnum().notNull(),
    tokenHash: text().notNull().unique('invitations_token_uq'),
    invitedBy: uuid(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    acceptedBy: uuid(),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'invitations_pk', columns: [t.orgId, t.id] }),
    // pending invitations list on the members page
    index('invitations_org_created_idx').on(t.orgId, t.createdAt),
  ],
);

/** Not tenant-owned: a reset belongs to a user, whatever orgs they are in. */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull().unique('password_resets_token_uq'),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('password_resets_user_idx').on(t.userId)],
);

/** Counters for rate-limiter-flexible's Drizzle store: shared by every app instance. */
export const rateLimits = pgTable('rate_limits', {
  key: text().primaryKey(),
  points: integer().notNull(),
  expire: timestamp({ withTimezone: true }),
});

export type Organization = typeof organizations.$inferSelect;
export type User = typeof users.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
