// Load test of the public survey post: N answers over N distinct links, form-encoded like a browser, at concurrency C.
//   npx tsx scripts/load-survey.ts [--count 2000] [--connections 20] [--port 3313] [--dist .next-sp]
// Embedded default: seeds a fresh data folder (TENURE_DATA_DIR, default /tmp/tenure-load-survey) BEFORE it starts
// `npm start` on it, since PGlite is one process. DATABASE_URL set: seeds through PostgreSQL and starts the server on
// it (NEXTAUTH_SECRET required, as npm start demands there). Builds into --dist when the build is missing or stale.
// The per-IP limit (20 answers a minute) would refuse almost all of one load generator's requests, so the server runs
// with TENURE_RATE_LIMIT_SURVEY_IP raised; the per-link limit is unchanged (each link is answered once). Afterwards it
// counts the stored rows: responses, answered invitations and account events must each equal N.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: { count: { type: 'string' }, connections: { type: 'string' }, port: { type: 'string' }, dist: { type: 'string' } },
});
const COUNT = Number(args.count ?? 2000);
const CONNECTIONS = Number(args.connections ?? 20);
const PORT = args.port ?? '3313';
const DIST = args.dist ?? '.next-sp';
const DATA_DIR = path.resolve(process.env.TENURE_DATA_DIR || '/tmp/tenure-load-survey');
const PER_ACCOUNT = 20;

type Autocannon = (opts: Record<string, unknown>) => Promise<{
  requests: { average: number }; latency: { p50: number; p99: number; max: number }; duration: number;
  errors: number; timeouts: number; statusCodeStats: Record<string, { count: number }>;
}>;

// env is read when lib/env loads: point it at the load test's data folder first
process.env.TENURE_DATA_DIR = DATA_DIR;

async function openDb() {
  const { openEmbedded, openPostgres, pgliteDir } = await import('@/db');
  const { migrateDatabase } = await import('@/db/migrate');
  const url = process.env.DATABASE_URL || undefined;
  const handle = url ? openPostgres(url, 2) : openEmbedded(pgliteDir());
  await migrateDatabase(handle, url);
  return handle;
}

/** An org with COUNT stakeholders over COUNT / 20 accounts, an open NPS survey and one link each; returns the raw tokens. */
async function seed(): Promise<{ orgId: string; tokens: string[] }> {
  if (!process.env.DATABASE_URL) fs.rmSync(DATA_DIR, { recursive: true, force: true });
  const { accounts, organizations, stakeholders, surveyInvitations, surveys } = await import('@/db/schema');
  const { surveyToken, surveyTokenHash } = await import('@/lib/surveys/token');
  const handle = await openDb();
  const db = handle.db;
  try {
    const slug = `load-${randomUUID().slice(0, 8)}`;
    const [org] = await db.insert(organizations).values({ name: 'Load Test Co', slug }).returning();
    const accountIds = Array.from({ length: Math.ceil(COUNT / PER_ACCOUNT) }, () => randomUUID());
    await db.insert(accounts).values(accountIds.map((id, i) => ({ orgId: org.id, id, name: `Account ${i}` })));
    const people = Array.from({ length: COUNT }, (_, i) => ({ orgId: org.id, id: randomUUID(), accountId: accountIds[Math.floor(i / PER_ACCOUNT)], name: `Person ${i}` }));
    const [survey] = await db.insert(surveys).values({
      orgId: org.id, kind: 'nps', name: 'Load test', status: 'open',
      question: 'How likely are you to recommend Load Test Co to a friend or colleague?', followUpQuestion: 'What is the main reason for your score?',
    }).returning();
    const links = people.map((p) => ({
      orgId: org.id, id: randomUUID(), surveyId: survey.id, accountId: p.accountId, stakeholderId: p.id,
      expiresAt: new Date(Date.now() + 30 * 86400_000),
    }));
    for (let i = 0; i < COUNT; i += 500) {
      await db.insert(stakeholders).values(people.slice(i, i + 500));
      await db.insert(surveyInvitations).values(links.slice(i, i + 500).map((l) => ({ ...l, tokenHash: surveyTokenHash(l.id) })));
    }
    return { orgId: org.id, tokens: links.map((l) => surveyToken(l.id)) };
  } finally {
    await handle.close();
  }
}

async function startServer() {
  const child = spawn(path.join('node_modules', '.bin', 'tsx'), ['scripts/start.ts'], {
    env: {
      ...process.env, PORT, HOSTNAME: '127.0.0.1', TENURE_DATA_DIR: DATA_DIR, TENURE_DIST_DIR: DIST, SEED_DEMO: 'never',
      TENURE_RATE_LIMIT_SURVEY_IP: String(COUNT * 10),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('Tenure is ready on')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`the server exited (${code}) before it was ready`)));
  });
  return child;
}

async function count(orgId: string) {
  const { sql } = await import('drizzle-orm');
  const { queryRows } = await import('@/db');
  // the stopped server may hold the embedded folder's lock a few more seconds (a stale lock expires in 10 s)
  let handle: Awaited<ReturnType<typeof openDb>> | undefined;
  for (let i = 0; !handle; i++) {
    try {
      handle = await openDb();
    } catch (err) {
      if (i >= 15 || !String(err).includes('in use')) throw err;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    const [row] = await queryRows<{ responses: number; answered: number; events: number }>(handle.db, sql`
      select (select count(*)::int from survey_responses where org_id = ${orgId}) as responses,
             (select count(*)::int from survey_invitations where org_id = ${orgId} and responded_at is not null) as answered,
             (select count(*)::int from account_events where org_id = ${orgId} and kind = 'survey.answered') as events`);
    return row;
  } finally {
    await handle.close();
  }
}

async function main() {
  console.info(`[load] seeding ${COUNT} links in ${process.env.DATABASE_URL ? 'PostgreSQL' : DATA_DIR}…`);
  const { orgId, tokens } = await seed();
  console.info(`[load] starting the server on port ${PORT} (build ${DIST})…`);
  const server = await startServer();
  const name: string = 'autocannon';
  const autocannon = ((await import(name)) as { default: Autocannon }).default;
  let next = 0;
  try {
    const result = await autocannon({
      url: `http://127.0.0.1:${PORT}`,
      connections: CONNECTIONS,
      amount: COUNT,
      requests: [{
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        // each request answers its own link, as COUNT different customers would
        setupRequest: (req: Record<string, unknown>) => {
          const i = next++;
          return { ...req, path: `/s/${tokens[i % COUNT]}`, body: `score=${i % 11}&comment=${encodeURIComponent(`load answer ${i}`)}` };
        },
      }],
    });
    const codes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]));
    console.info(`[load] ${COUNT} POSTs, ${CONNECTIONS} connections, ${result.duration.toFixed(1)} s`);
    console.info(`[load] requests/s (average): ${result.requests.average.toFixed(1)}`);
    console.info(`[load] latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
    console.info(`[load] status codes: ${JSON.stringify(codes)}; errors ${result.errors}, timeouts ${result.timeouts}`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  const stored = await count(orgId);
  console.info(`[load] stored: ${stored.responses} responses, ${stored.answered} answered invitations, ${stored.events} account events (expected ${COUNT} each)`);
  if (stored.responses !== COUNT || stored.answered !== COUNT || stored.events !== COUNT) process.exitCode = 1;
}

main().catch((err) => {
  console.error(`[load] ${(err as Error).stack ?? err}`);
  process.exit(1);
});
