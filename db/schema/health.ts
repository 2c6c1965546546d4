import {
  date, foreignKey, index, integer, json, jsonb, pgTable, primaryKey, real, smallint, text, timestamp, uuid,
} from 'drizzle-orm/pg-core';
import { healthBandEnum } from './enums';
import { accounts } from './accounts';
import { organizations } from './orgs';

/** Per-factor detail of a score (lib/kpi/health.ts FactorPoints): value 0–100 (null = missing), weight = share 0–1 after spreading missing weight, points = value × weight. Keys: lib/kpi/health.ts healthFactors. */
export type HealthFactorDetail = { value: number | null; weight: number; points: number | null };

/**
 * Versioned weights and bands (DESIGN.md "Health score"). The active config is the org's highest version;
 * restoring an old version saves it again as a new version. An org without a row uses the defaults.
 */
export const healthConfigs = pgTable(
  'health_configs',
  {
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    /** factor → weight 0–100 as the admin set it (normalized when used) */
    weights: jsonb().$type<Record<string, number>>().notNull(),
    yellowFrom: smallint().notNull().default(40),
    greenFrom: smallint().notNull().default(70),
    comment: text(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'health_configs_pk', columns: [t.orgId, t.version] })],
);

/** One row per account per day (a recompute on the same day updates it). */
export const healthScores = pgTable(
  'health_scores',
  {
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    accountId: uuid().notNull(),
    day: date({ mode: 'string' }).notNull(),
    score: smallint(),
    /** unrounded score, for explanations */
    rawScore: real(),
    band: healthBandEnum(),
    /**
     * json, not jsonb: written for up to 10,000 accounts at once and only ever read whole, so it is stored as
     * sent (jsonb's re-encoding cost ~110 ms per 10,000 rows) and never queried by key.
     */
    factors: json().$type<Record<string, HealthFactorDetail>>().notNull(),
    missing: text().array().notNull().default([]),
    configVersion: integer().notNull(),
    computedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'health_scores_pk', columns: [t.orgId, t.accountId, t.day] }),
    foreignKey({ name: 'health_scores_account_fk', columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete('cascade'),
    // org-wide history by day (trends, backtests)
    index('health_scores_day_idx').on(t.orgId, t.day),
  ],
);

export type HealthConfigRow = typeof healthConfigs.$inferSelect;
export type HealthScoreRow = typeof healthScores.$inferSelect;
