// Times POST /api/v1/usage end to end: 1,000,000 raw events in batches of 10,000 through a running server.
//   1. a throwaway PostgreSQL and the app on it:  DATABASE_URL=postgres://… SEED_DEMO=never npm start
//   2. DATABASE_URL=postgres://… BENCH_URL=http://127.0.0.1:3000 npx tsx scripts/bench-api-usage.ts [--events 1000000] [--batch 10000] [--accounts 1000] [--concurrency 1]
// The script makes a fresh org with `accounts` accounts (25 end users each) and an API key straight in the
// database, posts the events (spread over the last 30 days, 8 feature keys), then checks that every event
// was counted and every touched account's health was recomputed, and prints events per second.
import { randomBytes, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openPostgres, queryRows } from '@/db';
import { accounts, apiKeys, organizations } from '@/db/schema';
import { insertRows } from '@/db/seed/bulk-insert';
import { hashToken } from '@/lib/auth/tokens';

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' }, batch: { type: 'string', default: '10000' },
    accounts: { type: 'string', default: '1000' }, concurrency: { type: 'string', default: '1' },
  },
});
const [EVENTS, BATCH, ACCOUNTS, CONCURRENCY] = [args.events, args.batch, args.accounts, args.concurrency].map(Number);
const base = process.env.BENCH_URL ?? 'http://127.0.0.1:3000';
if (!process.env.DATABASE_URL) throw new Error('Set DATABASE_URL to the PostgreSQL database the server at BENCH_URL uses.');
const handle = openPostgres(process.env.DATABASE_URL, 2);

async function setup() {
  const slug = `bench-api-${randomUUID().slice(0, 8)}`;
  const [org] = await handle.db.insert(organizations).values({ name: slug, slug }).returning();
  await insertRows(handle.db, accounts, Array.from({ length: ACCOUNTS }, (_, i) => ({ orgId: org.id, name: `Bench ${i}`, externalId: `acc-${i}`, licensedSeats: 30 })));
  const key = `tnr_${randomBytes(32).toString('base64url')}`;
  await handle.db.insert(apiKeys).values({ orgId: org.id, name: 'bench', prefix: key.slice(0, 12), keyHash: hashToken(key) });
  return { orgId: org.id, key };
}

const FEATURES = ['search', 'reports', 'reports.export', 'dashboards', 'alerts', 'api', 'sso', 'billing'];
const DAY = 86_400_000;

/** One batch body: events of random accounts, users, moments in the last 30 days and features. */
function batchBody(n: number, seed: number): string {
  const now = Date.now() - 2 * 60_000;
  const items = Array.from({ length: n }, (_, i) => {
    const r = (seed * 7919 + i * 104_729) >>> 0;
    return {
      accountExternalId: `acc-${r % ACCOUNTS}`, userKey: `user-${(r >>> 3) % 25}`,
      occurredAt: new Date(now - ((r * 2_654_435_761) >>> 0) % (30 * DAY)).toISOString(),
      ...(i % 3 === 0 ? {} : { featureKey: FEATURES[(r >>> 5) % FEATURES.length] }), ...(i % 20 === 0 ? { sessions: 1 } : {}),
    };
  });
  return JSON.stringify({ items });
}

async function post(key: string, body: string, id: number): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`${base}/api/v1/usage`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'idempotency-key': `bench-${id}` }, body });
  if (res.status !== 200) throw new Error(`batch ${id}: ${res.status} ${await res.text()}`);
  const json = (await res.json()) as { accepted: number };
  if (json.accepted !== BATCH) throw new Error(`batch ${id}: accepted ${json.accepted}`);
  return performance.now() - t0;
}

async function main() {
  const { orgId, key } = await setup();
  const batches = Math.ceil(EVENTS / BATCH);
  const bodies = Array.from({ length: batches }, (_, i) => batchBody(BATCH, i + 1));
  console.log(`org ${orgId}: ${ACCOUNTS} accounts; ${batches} batches of ${BATCH} events (${(bodies[0].length / 1024).toFixed(0)} KB each), concurrency ${CONCURRENCY}`);
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < batches) {
      const i = next++;
      latencies.push(await post(key, bodies[i], i));
    }
  }));
  const seconds = (performance.now() - t0) / 1000;
  const [check] = await queryRows<{ events: number; rows: number; monthly: number; healthy: number }>(handle.db, sql`select
    (select coalesce(sum(events), 0)::int from usage_daily where org_id = ${orgId}) as events,
    (select count(*)::int from usage_daily where org_id = ${orgId}) as rows,
    (select count(*)::int from usage_monthly where org_id = ${orgId}) as monthly,
    (select count(*)::int from accounts where org_id = ${orgId} and health_updated_at is not null) as healthy`);
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(0);
  console.log(`${(batches * BATCH).toLocaleString('en-US')} events in ${seconds.toFixed(1)} s: ${Math.round((batches * BATCH) / seconds).toLocaleString('en-US')} events/s`);
  console.log(`batch latency ms: p50 ${pct(0.5)}, p95 ${pct(0.95)}, max ${pct(1)}`);
  console.log(`stored: ${check.events.toLocaleString('en-US')} events in ${check.rows.toLocaleString('en-US')} daily rows, ${check.monthly} monthly rows; health recomputed for ${check.healthy}/${ACCOUNTS} accounts`);
  if (check.events !== batches * BATCH) throw new Error('not every event was counted');
  await handle.close();
}

main().catch(async (err) => {
  console.error(err);
  await handle.close();
  process.exit(1);
});
