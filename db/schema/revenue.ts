import { bigint, boolean, char, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { actorTypeEnum, renewalOutcomeEnum, ticketPriorityEnum } from './enums';
import { accounts } from './accounts';
import { organizations } from './orgs';

const money = () => bigint({ mode: 'number' });

/**
 * An account's MRR (integer minor units) from `effectiveDate` on. Movements (new, expansion,
 * contraction, churn, reactivation) are derived from the sequence per account, never stored.
 * Several changes on one day are ordered by recordedAt.
 */
export const revenueChanges = pgTable(
  'revenue_changes',
  {
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    accountId: uuid().notNull(),
    effectiveDate: date({ mode: 'string' }).notNull(),
    mrr: money().notNull(),
    currency: char({ length: 3 }).notNull(),
    churnReason: text(),
    externalId: text(),
    actorType: actorTypeEnum().notNull().default('system'),
    actorId: text(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'revenue_changes_pk', columns: [t.orgId, t.id] }),
    foreignKey({ name: 'revenue_changes_account_fk', columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete('cascade'),
    // the per-account sequence (window functions for movements, "MRR as of a date")
    index('revenue_changes_account_seq_idx').on(t.orgId, t.accountId, t.effectiveDate, t.recordedAt),
    // changes inside a period, org-wide
    index('revenue_changes_date_idx').on(t.orgId, t.effectiveDate),
    // idempotent posting by the billing system's id (API)
    uniqueIndex('revenue_changes_external_uq').on(t.orgId, t.externalId),
  ],
);

/**
 * One row per account, end user and day that user was active, so distinct-user KPIs (DAU, MAU,
 * utilization) are exact. userKey is the customer's user id, hashed when it is an email.
 */
export const usageDaily = pgTable(
  'usage_daily',
  {
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    accountId: uuid().notNull(),
    day: date({ mode: 'string' }).notNull(),
    userKey: text().notNull(),
    sessions: integer().notNull().default(0),
    events: integer().notNull().default(0),
    /** feature key → number of uses that day */
    features: jsonb().$type<Record<string, number>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ name: 'usage_daily_pk', columns: [t.orgId, t.accountId, t.day, t.userKey] }),
    foreignKey({ name: 'usage_daily_account_fk', columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete('cascade'),
    // org-wide windows (MAU, adoption over the last N days)
    index('usage_daily_day_idx').on(t.orgId, t.day),
  ],
);

/** Per account and month (first day of the month): maintained on every usage write, kept for long trends. */
export const usageMonthly = pgTable(
  'usage_monthly',
  {
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    accountId: uuid().notNull(),
    month: date({ mode: 'string' }).notNull(),
    activeUsers: integer().notNull().default(0),
    activeDays: integer().notNull().default(0),
    sessions: integer().notNull().default(0),
    events: integer().notNull().default(0),
    featuresUsed: text().array().notNull().default([]),
  },
  (t) => [
    primaryKey({ name: 'usage_monthly_pk', columns: [t.orgId, t.accountId, t.month] }),
    foreignKey({ name: 'usage_monthly_account_fk', columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete('cascade'),
  ],
);

/**
 * Per account, end user and month (first day of the month): a bitmask of the days the user was active
 * (bit d-1 = day d), so "distinct users over the 30 days up to D" is exact from at most two rows per
 * user instead of up to 30 daily rows. Maintained with usage_monthly by db/usage-rollup.ts.
 */
export const usageUserMonths = pgTable(
  'usage_user_months',
  {
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    accountId: uuid().notNull(),
    month: date({ mode: 'string' }).notNull(),
    userKey: text().notNull(),
    activeDays: integer().notNull(),
  },
  (t) => [
    primaryKey({ name: 'usage_user_months_pk', columns: [t.orgId, t.accountId, t.month, t.userKey] }),
    foreignKey({ name: 'usage_user_months_account_fk', columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete('cascade'),
    // MAU and utilization: the two months a 30-day window spans, org-wide
    index('usage_user_months_month_idx').on(t.orgId, t.month),
  ],
);

/**
 * Per account, feature key and month: a bitmask of the days anyone at the account used the feature (bit d-1 =
 * day d), so "tracked features used in the 30 days up to D" reads a few rows per account instead of every
 * per-user daily row's JSON. Maintained with usage_user_months by db/usage-rollup.ts.
 */
export const usageFeatureMonths = pgTable(
  'usage_feature_months',
  {
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    accountId: uuid().notNull(),
    month: date({ mode: 'string' }).notNull(),
    featureKey: text().notNull(),
    activeDays: integer().notNull(),
  },
  (t) => [
    primaryKey({ name: 'usage_feature_months_pk', columns: [t.orgId, t.accountId, t.month, t.featureKey] }),
    foreignKey({ name: 'usage_feature_months_account_fk', columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete('cascade'),
  ],
);

/**
 * Per org and month: the feature keys anyone used (the union of its usage_monthly features_used), so the
 * default "tracked features = every key seen in 90 days" is a few rows, not a scan of every account's months.
 * Maintained with usage_monthly by db/usage-rollup.ts; keys are only ever added.
 */
export const usageFeatureKeys = pgTable(
  'usage_feature_keys',
  {
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    month: date({ mode: 'string' }).notNull(),
    featureKey: text().notNull(),
  },
  (t) => [primaryKey({ name: 'usage_feature_keys_pk', columns: [t.orgId, t.month, t.featureKey] })],
);

export const tickets = pgTable(
  'tickets',
  {
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    accountId: uuid().notNull(),
    externalId: text(),
    subject: text(),
    priority: ticketPriorityEnum().notNull().default('normal'),
    openedAt: timestamp({ withTimezone: true }).notNull(),
    closedAt: timestamp({ withTimezone: true }),
    resolvedFirstContact: boolean().notNull().default(false),
  },
  (t) => [
    primaryKey({ name: 'tickets_pk', columns: [t.orgId, t.id] }),
    foreignKey({ name: 'tickets_account_fk', columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete('cascade'),
    // open tickets of an account (support factor), an account's ticket list
    index('tickets_account_idx').on(t.orgId, t.accountId, t.openedAt),
    // tickets closed in a period (first contact resolution)
    index('tickets_closed_idx').on(t.orgId, t.closedAt),
    // upsert by the help desk's id (API)
    uniqueIndex('tickets_external_uq').on(t.orgId, t.externalId),
  ],
);

/** A renewal due on a date; recording an outcome other than churned creates the next pending one. */
export const renewals = pgTable(
  'renewals',
  {
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    accountId: uuid().notNull(),
    dueDate: date({ mode: 'string' }).notNull(),
    arrDue: money().notNull(),
    outcome: renewalOutcomeEnum().notNull().default('pending'),
    renewedArr: money(),
    decidedAt: timestamp({ withTimezone: true }),
    decidedBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'renewals_pk', columns: [t.orgId, t.id] }),
    foreignKey({ name: 'renewals_account_fk', columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete('cascade'),
    // renewals due in a period (renewal rate, the renewals view)
    index('renewals_due_idx').on(t.orgId, t.dueDate),
    // an account's renewal history and its earliest pending renewal
    index('renewals_account_idx').on(t.orgId, t.accountId, t.dueDate),
  ],
);

export type RevenueChange = typeof revenueChanges.$inferSelect;
export type UsageDaily = typeof usageDaily.$inferSelect;
export type Ticket = typeof tickets.$inferSelect;
export type Renewal = typeof renewals.$inferSelect;
