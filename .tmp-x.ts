import { PGlite } from '@electric-sql/pglite';
import { asc } from 'drizzle-orm';
import { wrapPglite } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { generateDemo, seedDemo } from '@/db/seed/demo';
import * as s from '@/db/schema';
async function main() {
  const h = wrapPglite(new PGlite());
  await migrateDatabase(h);
  const now = new Date('2026-11-24T12:00:00Z');
  await seedDemo(h.db, { now });
  const g = generateDemo({ now });
  const sortById = <T extends { id: string }>(a: T[]) => [...a].sort((x, y) => x.id.localeCompare(y.id));
  const acc = await h.db.select().from(s.accounts).orderBy(asc(s.accounts.id));
  const st = await h.db.select().from(s.stakeholders);
  const ev = await h.db.select().from(s.accountEvents);
  const orgs = await h.db.select().from(s.organizations);
  const eq = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  console.log('accounts', eq(sortById(acc), sortById(g.accounts)));
  console.log('stakeholders', eq(sortById(st), sortById(g.stakeholders)));
  console.log('events', eq(sortById(ev), sortById(g.accountEvents)));
  console.log(orgs[0]);
  if (!eq(sortById(st), sortById(g.stakeholders))) { console.log(sortById(st)[0], sortById(g.stakeholders)[0]); }
  if (!eq(sortById(ev), sortById(g.accountEvents))) { console.log(sortById(ev)[0], sortById(g.accountEvents)[0]); }
  await h.close();
}
main();
