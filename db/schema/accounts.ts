import { sql } from 'drizzle-orm';
import {
  boolean, date, smallint, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import {
  actorTypeEnum, healthBandEnum, influenceEnum, lifecycleStageEnum, segmentEnum, sentimentEnum, stakeholderRoleEnum,
} from './enums';
import { memberships, organizations } from './orgs';

export const accounts = pgTable(
  'accounts',
  {
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    domain: text(),
    externalId: text(),
    ownerId: uuid(),
    segment: segmentEnum(),
    stage: lifecycleStageEnum().notNull().default('onboarding'),
    licensedSeats: integer(),
    contractStart: date({ mode: 'string' }),
    nextRenewalDate: date({ mode: 'string' }),
    onboardingCompletedAt: timestamp({ withTimezone: true }),
    archivedAt: timestamp({ withTimezone: true }),
    /** current health (the latest health_scores row), kept here for fast lists */
    healthScore: smallint(),
    healthBand: healthBandEnum(),
    healthUpdatedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow().$onUpdate(() => new Date()),
  },
  (t) => [
    primaryKey({ name: 'accounts_pk', columns: [t.orgId, t.id] }),
    foreignKey({ name: 'accounts_owner_fk', columns: [t.orgId, t.ownerId], foreignColumns: [memberships.orgId, memberships.userId] }),
    // upsert by the CRM's id (API, CSV import)
    uniqueIndex('accounts_external_uq').on(t.orgId, t.externalId),
    // "my accounts" and owner filters
    index('accounts_owner_idx').on(t.orgId, t.ownerId),
    // search and sort by name in the accounts list
    index('accounts_name_idx').on(t.orgId, sql`lower(${t.name})`),
    // CSV import matches by domain when there is no external id
    index('accounts_domain_idx').on(t.orgId, sql`lower(${t.domain})`),
    // accounts list sorted or filtered by health; accounts at risk
    index('accounts_health_idx').on(t.orgId, t.healthScore),
  ],
);

export const stakeholders = pgTable(
  'stakeholders',
  {
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    accountId: uuid().notNull(),
    externalId: text(),
    name: text().notNull(),
    email: text(),
    title: text(),
    role: stakeholderRoleEnum().notNull().default('user'),
    influence: influenceEnum().notNull().default('medium'),
    sentiment: sentimentEnum().notNull().default('neutral'),
    isPrimary: boolean().notNull().default(false),
    lastContactedAt: timestamp({ withTimezone: true }),
    leftAt: timestamp({ withTimezone: true }),
    doNotSurvey: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow().$onUpdate(() => new Date()),
  },
  (t) => [
    primaryKey({ name: 'stakeholders_pk', columns: [t.orgId, t.id] }),
    foreignKey({ name: 'stakeholders_account_fk', columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete('cascade'),
    // stakeholders of one account; upsert by external id within the account
    uniqueIndex('stakeholders_external_uq').on(t.orgId, t.accountId, t.externalId),
    index('stakeholders_account_idx').on(t.orgId, t.accountId),
  ],
);

export const accountEvents = pgTable(
  'account_events',
  {
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    accountId: uuid().notNull(),
    kind: text().notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorType: actorTypeEnum().notNull(),
    actorId: text(),
    summary: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ name: 'account_events_pk', columns: [t.orgId, t.id] }),
    foreignKey({ name: 'account_events_account_fk', columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete('cascade'),
    // the account timeline, newest first
    index('account_events_timeline_idx').on(t.orgId, t.accountId, t.occurredAt.desc()),
  ],
);

export type Account = typeof accounts.$inferSelect;
export type NewAccount = typeof accounts.$inferInsert;
export type Stakeholder = typeof stakeholders.$inferSelect;
export type NewStakeholder = typeof stakeholders.$inferInsert;
export type AccountEvent = typeof accountEvents.$inferSelect;
