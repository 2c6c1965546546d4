import { z } from 'zod';

/** Creating an API key: a name that says which system uses it. */
export const createApiKeySchema = z.object({
  name: z.string({ message: 'Enter a name.' }).trim().min(1, { message: 'Enter a name, e.g. the system that will use the key.' }).max(100, { message: 'Use at most 100 characters.' }),
  access: z.enum(['read_write', 'read'], { message: 'Choose read and write, or read only.' }).default('read_write'),
});

/** Revoking one key (a bad id becomes NOT_FOUND in the DAL). */
export const apiKeyIdSchema = z.object({ apiKeyId: z.string().max(100) });

export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;
