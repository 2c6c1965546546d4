import type { z } from 'zod';
import { AppError } from '@/lib/errors';

/**
 * Parses a DAL input with its schema. A failure is one VALIDATION error whose field errors are
 * keyed by the issue's path ("mrr", or "3.occurredAt" for the fourth item of a batch), so a form
 * shows each message next to its field and the API can name the bad item.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    (fieldErrors[key] ??= []).push(issue.message);
  }
  throw new AppError('VALIDATION', 'Check the highlighted fields.', fieldErrors);
}
