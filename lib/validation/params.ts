import { z } from 'zod';

/** A same-site path to return to after sign-in; anything else (absolute URLs, //host) becomes "/". */
export const callbackUrlSchema = z
  .string()
  .max(500)
  .regex(/^\/(?!\/)[^\s\\]*$/)
  .catch('/');

/** The search params of the sign-in page. */
export const loginParamsSchema = z.object({
  callbackUrl: callbackUrlSchema.optional().default('/'),
  error: z.enum(['CredentialsSignin', 'RateLimited']).optional().catch(undefined),
});
