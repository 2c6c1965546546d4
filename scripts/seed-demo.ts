// `npm run db:seed-demo [-- --accounts N --seed N]`: migrates the database and seeds the demo orgs
// ("Acme Analytics" at /demo, "Other Corp" at /other) unless the demo org already exists.
import { parseArgs } from 'node:util';
import { migrateDatabase } from '@/db/migrate';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from '@/db/seed/demo';
import { env } from '@/lib/env';
import { openOrExit } from './open-or-exit';

function positiveInt(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${flag} must be a whole number of at least 1 (got "${value}")`);
    process.exit(1);
  }
  return n;
}

async function main() {
  const { values } = parseArgs({ options: { accounts: { type: 'string' }, seed: { type: 'string' } } });
  const accounts = positiveInt('accounts', values.accounts, 60);
  const seed = positiveInt('seed', values.seed, 42);

  const handle = openOrExit();
  try {
    await migrateDatabase(handle, env.DATABASE_URL);
    const started = performance.now();
    const result = await seedDemo(handle.db, { accounts, seed });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (!result.created) {
      console.info('The demo org (slug "demo") already exists; nothing was changed.');
    } else {
      const c = result.counts;
      const fmt = (n: number) => n.toLocaleString('en-US');
      console.info(
        `Seeded "Acme Analytics" (/demo, ${fmt(accounts)} accounts) and "Other Corp" (/other) in ${seconds} s: ` +
          `${fmt(c.users)} users, ${fmt(c.accounts)} accounts, ${fmt(c.stakeholders)} stakeholders, ` +
          `${fmt(c.accountEvents)} timeline events (seed ${seed}).`,
      );
    }
    console.info(`Sign in with password "${DEMO_PASSWORD}" as:`);
    for (const l of DEMO_LOGINS) console.info(`  ${l.email.padEnd(18)} ${l.role.padEnd(7)} /${l.org}`);
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
