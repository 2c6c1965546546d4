import { z } from 'zod';

/** Search params of a paginated list; bad values fall back to defaults instead of erroring. */
export const listParamsSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  pageSize: z.coerce.number().pipe(z.union([z.literal(25), z.literal(50), z.literal(100)])).default(25).catch(25),
});
