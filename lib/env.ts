import path from 'node:path';
import { z } from 'zod';

/**
 * The only reader of process.env. Validated once; an invalid value stops the process with a
 * message that names the variable.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().url().optional(),
  TENURE_DATA_DIR: z.string().default('.data'),
  TENURE_DIST_DIR: z.string().default('.next'),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().min(1).default('localhost'),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Tenure <no-reply@tenure.local>'),
  SEED_DEMO: z.enum(['auto', 'always', 'never']).default('auto'),
  // survey answers per client IP per minute (public /s/ pages); raised only for load tests behind one IP
  TENURE_RATE_LIMIT_SURVEY_IP: z.coerce.number().int().min(1).default(20),
  // reverse proxies in front that append to X-Forwarded-For: the client is that many entries from its right end
  TENURE_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  // playbook webhooks may reach loopback/private addresses only when this is "true" (tests, local development)
  TENURE_ALLOW_PRIVATE_WEBHOOKS: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

export type Env = z.infer<typeof envSchema>;

function load(): Env {
  const blankToUndefined = Object.fromEntries(
    Object.entries(process.env).map(([k, v]) => [k, v === '' ? undefined : v]),
  );
  const parsed = envSchema.safeParse(blankToUndefined);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export const env: Env = load();

/** Absolute folder for the embedded database, generated secrets and locks. */
export const dataDir = path.resolve(env.TENURE_DATA_DIR);

/** The address users reach the app at; next-auth 4 needs it to build callback URLs. */
export function publicUrl(): string {
  return env.NEXTAUTH_URL ?? `http://${env.HOSTNAME}:${env.PORT}`;
}
