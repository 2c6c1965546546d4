import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { users } from '@/db/schema';

const UUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/**
 * The join condition from a row's actor to its user: actor_id is text (it can name an API key too), so it is cast
 * to a uuid when the actor is a user and compared with users.id, which lets the join use the users key (comparing
 * users.id::text read every user for each page). A malformed id matches nobody instead of failing the page.
 */
export const actorIsUser = (actorType: AnyPgColumn | SQL, actorId: AnyPgColumn | SQL): SQL =>
  sql`${users.id} = (case when ${actorType} = 'user' and ${actorId} ~ ${UUID} then (${actorId})::uuid end)`;
