import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir, env } from '@/lib/env';

let cached: string | undefined;

/**
 * The JWT signing secret. NEXTAUTH_SECRET when set; on the embedded default a random one kept in
 * the data folder (so sessions survive restarts); with DATABASE_URL in production, required.
 */
export function authSecret(): string {
  if (cached) return cached;
  if (env.NEXTAUTH_SECRET) return (cached = env.NEXTAUTH_SECRET);
  if (env.DATABASE_URL && env.NODE_ENV === 'production') {
    throw new Error('NEXTAUTH_SECRET must be set when running on PostgreSQL in production (see .env.example).');
  }
  const file = path.join(dataDir, 'auth-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
      console.warn(`[tenure] NEXTAUTH_SECRET is not set: generated one in ${file}`);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err; // another process won the race
    }
  }
  return (cached = fs.readFileSync(file, 'utf8').trim());
}
