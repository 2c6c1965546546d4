// `npm run bench:alert-latency [-- --runs 20]`: the time from a customer's survey submit to the alert row existing.
// Seeds the demo org into a fresh database (DATABASE_URL → that PostgreSQL, which must be empty; else PGlite in a temp
// folder), opens an NPS survey with one link per account, and posts a detractor answer (NPS 2) to each link through
// the public route handler, as a browser's form post. After each request it reads the "Detractor answer" playbook's
// alert for the account: it must exist (opened or seen again at or after the submit). Prints the median and p90.
import './stub-server-only';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { and, eq, sql } from 'drizzle-orm';

const { values: args } = parseArgs({ options: { runs: { type: 'string' } } });
const RUNS = Number(args.runs ?? 20);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))];

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tenure-alert-bench-'));
  if (!process.env.DATABASE_URL) process.env.TENURE_DATA_DIR = dir;
  const { openEmbedded, openPostgres, useDatabase, queryRows } = await import('@/db');
  const { migrateDatabase } = await import('@/db/migrate');
  const { seedDemo } = await import('@/db/seed/demo');
  const { churnedAccounts } = await import('@/lib/playbooks/inactive');
  const schema = await import('@/db/schema');
  const { surveyToken, surveyTokenHash } = await import('@/lib/surveys/token');
  const { POST } = await import('@/app/s/[token]/route');
  const url = process.env.DATABASE_URL || undefined;
  const handle = url ? openPostgres(url, 4) : openEmbedded(path.join(dir, 'db'));
  useDatabase(handle);
  const db = handle.db;
  try {
    await migrateDatabase(handle, url);
    const t0 = Date.now();
    await seedDemo(db);
    console.log(`demo seeded in ${Date.now() - t0} ms (${url ? 'PostgreSQL' : 'PGlite'})`);
    const [org] = await db.select().from(schema.organizations).where(eq(schema.organizations.slug, 'demo'));
    const [playbook] = await db.select().from(schema.playbooks)
      .where(and(eq(schema.playbooks.orgId, org.id), eq(schema.playbooks.trigger, 'detractor')));
    if (!playbook?.enabled) throw new Error('the demo org has no enabled detractor playbook');
    const people = await queryRows<{ id: string; account_id: string }>(db, sql`
      select distinct on (s.account_id) s.id, s.account_id from stakeholders s join accounts a on a.org_id = s.org_id and a.id = s.account_id
      where s.org_id = ${org.id} and a.archived_at is null and s.left_at is null
        -- churned accounts are not watched by playbooks (lib/playbooks/inactive.ts)
        and a.id not in (${churnedAccounts(org.id, 'all', new Date().toISOString().slice(0, 10))})
      order by s.account_id, s.is_primary desc limit ${RUNS}`);
    const [survey] = await db.insert(schema.surveys).values({
      orgId: org.id, kind: 'nps', name: 'Latency benchmark', status: 'open',
      question: `How likely are you to recommend ${org.name} to a friend or colleague?`, followUpQuestion: 'What is the main reason for your score?',
    }).returning();
    const links = people.map((p) => ({ id: randomUUID(), accountId: p.account_id, stakeholderId: p.id }));
    await db.insert(schema.surveyInvitations).values(links.map((l) => ({
      orgId: org.id, id: l.id, surveyId: survey.id, accountId: l.accountId, stakeholderId: l.stakeholderId,
      tokenHash: surveyTokenHash(l.id), expiresAt: new Date(Date.now() + 86_400_000),
    })));

    const times: number[] = [];
    for (const [i, link] of links.entries()) {
      const token = surveyToken(link.id);
      const started = Date.now();
      const res = await POST(new Request(`http://localhost/s/${token}`, {
        method: 'POST', body: new URLSearchParams({ score: '2', comment: 'Too many outages' }),
        headers: { 'x-forwarded-for': `10.9.${Math.floor(i / 250)}.${(i % 250) + 1}` },
      }), { params: Promise.resolve({ token }) });
      const [alert] = await queryRows<{ id: string }>(db, sql`
        select id from alerts where org_id = ${org.id} and playbook_id = ${playbook.id} and account_id = ${link.accountId}
          and status <> 'resolved' and last_seen_at >= ${new Date(started).toISOString()}::timestamptz`);
      const elapsed = Date.now() - started;
      if (res.status !== 303 || !alert) throw new Error(`answer ${i}: status ${res.status}, alert ${alert ? 'present' : 'missing'}`);
      times.push(elapsed);
    }
    console.log(`submit → alert row: ${times.length} answers, median ${median(times)} ms, p90 ${p90(times)} ms, max ${Math.max(...times)} ms`);
  } finally {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
