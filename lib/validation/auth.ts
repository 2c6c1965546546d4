import { z } from 'zod';

export const RESERVED_SLUGS = new Set([
  's', 'api', 'login', 'logout', 'signup', 'invite', 'reset', 'forgot', 'docs', 'settings', 'admin', 'app',
  'static', '_next', 'health', 'new', 'orgs', 'account', 'accounts', 'public', 'assets', 'favicon.ico',
]);

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'Enter a valid email address.' }));

export const passwordSchema = z
  .string()
  .min(8, { message: 'Use at least 8 characters.' })
  .max(200, { message: 'Use at most 200 characters.' });

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, { message: 'Use at least 2 characters.' })
  .max(40, { message: 'Use at most 40 characters.' })
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, { message: 'Use lowercase letters, digits and dashes.' })
  .refine((s) => !RESERVED_SLUGS.has(s), { message: 'That address is reserved; choose another.' });

/** Turns an org name into a URL slug candidate ("Acme Analytics, Inc." → "acme-analytics-inc"). */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return slug.length >= 2 ? slug : `org-${slug}`.replace(/-$/, '');
}

export const signupSchema = z.object({
  name: z.string().trim().min(1, { message: 'Enter your name.' }).max(120),
  email: emailSchema,
  password: passwordSchema,
  orgName: z.string().trim().max(120).optional().default(''),
  invite: z.string().trim().max(200).optional().default(''),
}).refine((v) => v.invite !== '' || v.orgName.length > 0, {
  message: 'Enter your company name.',
  path: ['orgName'],
});

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
});

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z
  .object({
    token: z.string().min(10).max(200),
    password: passwordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { message: 'The two passwords differ.', path: ['confirm'] });
