import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './orgs';

/** An org's API key: only a hash is stored; the prefix stays visible to tell keys apart. */
export const apiKeys = pgTable(
  'api_keys',
  {
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    prefix: text().notNull(),
    keyHash: text().notNull(),
    /** 'read_write' (ingestion: CRM, billing, product) or 'read' (BI, exports): a read key's writes are 403 */
    access: text().$type<'read_write' | 'read'>().notNull().default('read_write'),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'api_keys_pk', columns: [t.orgId, t.id] }),
    // a request finds its org from the key
    uniqueIndex('api_keys_hash_uq').on(t.keyHash),
    index('api_keys_created_idx').on(t.orgId, t.createdAt),
  ],
);

/** The first answer to a batch sent with an Idempotency-Key, replayed for repeats. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    apiKeyId: uuid().notNull(),
    key: text().notNull(),
    /** hash of method, path and body: the same key with another request is a 409 */
    requestHash: text().notNull(),
    status: integer().notNull(),
    response: jsonb().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'idempotency_keys_pk', columns: [t.orgId, t.apiKeyId, t.key] }),
    foreignKey({ name: 'idempotency_keys_api_key_fk', columns: [t.orgId, t.apiKeyId], foreignColumns: [apiKeys.orgId, apiKeys.id] }).onDelete('cascade'),
  ],
);

export type ApiKey = typeof apiKeys.$inferSelect;
