import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { actorTypeEnum } from './enums';
import { organizations } from './orgs';

/** Who changed what, when, with before/after values. Written in the same transaction as the change. */
export const auditLog = pgTable(
  'audit_log',
  {
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    actorType: actorTypeEnum().notNull(),
    actorId: text(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    before: jsonb().$type<Record<string, unknown>>(),
    after: jsonb().$type<Record<string, unknown>>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'audit_log_pk', columns: [t.orgId, t.id] }),
    // the audit page, newest first
    index('audit_log_created_idx').on(t.orgId, t.createdAt.desc()),
  ],
);

export type AuditEntry = typeof auditLog.$inferSelect;
