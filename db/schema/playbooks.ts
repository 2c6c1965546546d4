import { sql } from 'drizzle-orm';
import {
  boolean, foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { memberships, organizations } from './orgs';

/** DESIGN.md "Playbooks and alerts": the conditions a playbook watches. */
export const playbookTriggerEnum = pgEnum('playbook_trigger', [
  'health_below', 'health_drop', 'band_red', 'detractor', 'renewal_due', 'low_utilization', 'usage_drop', 'champion_left',
]);
export const alertPriorityEnum = pgEnum('alert_priority', ['low', 'medium', 'high', 'urgent']);
/** snoozed = hidden from "open" until snoozed_until; resolved by a member (resolved_by) or by the system (condition cleared). */
export const alertStatusEnum = pgEnum('alert_status', ['open', 'snoozed', 'resolved']);
export const notificationChannelEnum = pgEnum('notification_channel', ['email', 'webhook']);
/** pending = waiting for its (next) attempt; failed = gave up after the last retry. */
export const notificationStatusEnum = pgEnum('notification_status', ['pending', 'sent', 'failed']);

/**
 * Trigger parameters (lib/validation/playbooks.ts checks which a trigger needs): threshold = health score,
 * points/days = a drop within a window, percent = utilization or month-over-month drop, days = a look-ahead or look-back.
 */
export type PlaybookParams = { threshold?: number; points?: number; days?: number; percent?: number };

export const playbooks = pgTable(
  'playbooks',
  {
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    trigger: playbookTriggerEnum().notNull(),
    params: jsonb().$type<PlaybookParams>().notNull().default({}),
    priority: alertPriorityEnum().notNull().default('medium'),
    /** null = the account's owner; else this member (falls back to the owner when they leave the org) */
    assigneeId: uuid(),
    notifyEmail: boolean().notNull().default(false),
    /** Slack-compatible incoming webhook ({ "text": … }); checked against private addresses on save and on send */
    webhookUrl: text(),
    enabled: boolean().notNull().default(true),
    lastNotificationError: text(),
    lastNotificationErrorAt: timestamp({ withTimezone: true }),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow().$onUpdate(() => new Date()),
  },
  (t) => [
    primaryKey({ name: 'playbooks_pk', columns: [t.orgId, t.id] }),
    // the migration narrows "set null" to assignee_id: a removed member's playbooks go back to the account owner
    foreignKey({ name: 'playbooks_assignee_fk', columns: [t.orgId, t.assigneeId], foreignColumns: [memberships.orgId, memberships.userId] }).onDelete('set null'),
  ],
);

/**
 * One alert per firing of a playbook on an account. While it is not resolved it is the only one for its
 * (playbook, account): a repeat updates it (facts, last_seen_at, seen_count) instead of opening another.
 */
export const alerts = pgTable(
  'alerts',
  {
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    playbookId: uuid().notNull(),
    accountId: uuid().notNull(),
    status: alertStatusEnum().notNull().default('open'),
    priority: alertPriorityEnum().notNull(),
    /** why, in words with the numbers ("Health fell from 72 to 51 in 9 days") */
    reason: text().notNull(),
    /** the numbers behind the reason, as the evaluation saw them last */
    facts: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    assigneeId: uuid(),
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** how many evaluations found the condition (1 when opened) */
    seenCount: integer().notNull().default(1),
    snoozedUntil: timestamp({ withTimezone: true }),
    snoozeReason: text(),
    snoozedBy: uuid(),
    resolvedAt: timestamp({ withTimezone: true }),
    /** null on a resolved alert = resolved by the system ("condition cleared") */
    resolvedBy: uuid(),
    resolution: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow().$onUpdate(() => new Date()),
  },
  (t) => [
    primaryKey({ name: 'alerts_pk', columns: [t.orgId, t.id] }),
    foreignKey({ name: 'alerts_playbook_fk', columns: [t.orgId, t.playbookId], foreignColumns: [playbooks.orgId, playbooks.id] }).onDelete('cascade'),
    foreignKey({ name: 'alerts_account_fk', columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete('cascade'),
    // the migration narrows "set null" to assignee_id
    foreignKey({ name: 'alerts_assignee_fk', columns: [t.orgId, t.assigneeId], foreignColumns: [memberships.orgId, memberships.userId] }).onDelete('set null'),
    // the dedupe key: one unresolved alert per (playbook, account); the evaluation upserts on it
    uniqueIndex('alerts_one_open_uq').on(t.orgId, t.playbookId, t.accountId).where(sql`status <> 'resolved'`),
    // the inbox: by status, newest activity first
    index('alerts_inbox_idx').on(t.orgId, t.status, t.lastSeenAt.desc()),
    // "assigned to me" filter and the sidebar count
    index('alerts_assignee_idx').on(t.orgId, t.assigneeId, t.status),
    // an account's alerts (account page)
    index('alerts_account_idx').on(t.orgId, t.accountId, t.openedAt.desc()),
  ],
);

/** The outbox of alert notifications: written with the alert, sent after the request, retried with backoff. */
export const alertNotifications = pgTable(
  'alert_notifications',
  {
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    alertId: uuid().notNull(),
    playbookId: uuid().notNull(),
    channel: notificationChannelEnum().notNull(),
    /** an email address or the webhook URL, as it was when queued */
    target: text().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    status: notificationStatusEnum().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastError: text(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'alert_notifications_pk', columns: [t.orgId, t.id] }),
    foreignKey({ name: 'alert_notifications_alert_fk', columns: [t.orgId, t.alertId], foreignColumns: [alerts.orgId, alerts.id] }).onDelete('cascade'),
    foreignKey({ name: 'alert_notifications_playbook_fk', columns: [t.orgId, t.playbookId], foreignColumns: [playbooks.orgId, playbooks.id] }).onDelete('cascade'),
    // the retry sweep: pending deliveries that are due (partial, so it stays small)
    index('alert_notifications_due_idx').on(t.orgId, t.nextAttemptAt).where(sql`status = 'pending'`),
    // a playbook's delivery status on the settings page
    index('alert_notifications_playbook_idx').on(t.orgId, t.playbookId, t.createdAt.desc()),
  ],
);

export type Playbook = typeof playbooks.$inferSelect;
export type NewPlaybook = typeof playbooks.$inferInsert;
export type AlertRow = typeof alerts.$inferSelect;
export type AlertNotification = typeof alertNotifications.$inferSelect;
export type PlaybookTrigger = (typeof playbookTriggerEnum.enumValues)[number];
export type AlertPriority = (typeof alertPriorityEnum.enumValues)[number];
export type AlertStatus = (typeof alertStatusEnum.enumValues)[number];
