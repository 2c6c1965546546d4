// `npm start`: build when needed, start Next on PORT/HOSTNAME, wait until the database is migrated
// (and the demo seeded on the embedded default), then print where Tenure is ready.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { DEMO_LOGINS } from '@/db/seed/demo';
import { authSecret } from '@/lib/auth/secret';
import { env, publicUrl } from '@/lib/env';
import { pgliteDir } from '@/db';

const root = process.cwd();
const dev = process.argv.includes('--dev');
const nextBin = path.join(root, 'node_modules', '.bin', 'next');
const SOURCES = ['app', 'components', 'lib', 'db', 'instrumentation.ts', 'next.config.js', 'tailwind.config.ts', 'package-lock.json'];

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, f) => Math.max(m, newestMtime(path.join(p, f))), st.mtimeMs);
}

function needsBuild(): boolean {
  const buildId = path.join(root, env.TENURE_DIST_DIR, 'BUILD_ID');
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(root, s)) > built);
}

async function waitUntilReady(url: string, child: ReturnType<typeof spawn>): Promise<void> {
  for (let i = 0; i < 900; i++) {
    if (child.exitCode !== null) process.exit(child.exitCode || 1);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the server did not become ready within 3 minutes');
}

async function main() {
  if (!env.DATABASE_URL && lockfile.checkSync(pgliteDir(), { realpath: false, stale: 10_000 })) {
    console.error(`The embedded database in ${pgliteDir()} is in use by another Tenure process. Stop it first, or set DATABASE_URL.`);
    process.exit(1);
  }
  // `next start` is a production server: on a shared PostgreSQL every instance must sign sessions
  // with the same configured secret, so a generated one is refused there.
  if (!dev && env.DATABASE_URL && !env.NEXTAUTH_SECRET) {
    console.error('NEXTAUTH_SECRET must be set when running on PostgreSQL (see .env.example), e.g. NEXTAUTH_SECRET=$(openssl rand -base64 32).');
    process.exit(1);
  }
  const url = publicUrl();
  const childEnv = { ...process.env, NEXTAUTH_URL: url, NEXTAUTH_SECRET: authSecret() };
  if (!dev && needsBuild()) {
    console.info('[tenure] building the app (first start or changed sources)…');
    const build = spawnSync(nextBin, ['build'], { stdio: 'inherit', env: { ...childEnv, NODE_ENV: 'production' } });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const args = [dev ? 'dev' : 'start', '-p', String(env.PORT), '-H', env.HOSTNAME];
  const child = spawn(nextBin, args, { stdio: 'inherit', env: childEnv });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
  await waitUntilReady(`http://${env.HOSTNAME}:${env.PORT}`, child);
  const logins = DEMO_LOGINS.map((l) => `\n  ${l.email.padEnd(18)} ${l.role.padEnd(7)} ${url}/${l.org}`).join('');
  const seeded = env.SEED_DEMO === 'always' || (env.SEED_DEMO === 'auto' && !env.DATABASE_URL);
  const demo = !seeded ? '' : `\nDemo logins (password "${DEMO_LOGINS[0].password}" for all):${logins}`;
  console.info(`\nTenure is ready on ${url}${demo}\n`);
}

main().catch((err) => {
  console.error(`[tenure] ${(err as Error).message}`);
  process.exit(1);
});
