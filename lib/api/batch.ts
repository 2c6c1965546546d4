import type { z } from 'zod';
import { batchEnvelopeSchema } from '@/lib/validation/api';
import type { ItemError } from '@/lib/validation/api-responses';
import { ApiError, invalidItems } from './errors';

export type Valid<T> = { index: number; value: T };

/** A batch after the per-item zod check: the valid items, the errors of the others, how many were sent. */
export type ParsedBatch<T> = { items: Valid<T>[]; errors: ItemError[]; received: number };

/** The JSON path of an issue inside an item: ["contacts", 0, "email"] → "contacts.0.email". */
const pathOf = (path: readonly PropertyKey[]) => path.map(String).join('.');

/** Every issue of one parse, as item errors (index absent for a single-object body). */
export function issuesOf(error: z.ZodError, index?: number): ItemError[] {
  return error.issues.map((issue) => ({
    ...(index === undefined ? {} : { index }),
    field: pathOf(issue.path),
    message: issue.code === 'unrecognized_keys' ? `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}.` : issue.message,
  }));
}

/** Parses a single-object body with its schema; 400 listing every bad field. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (!result.success) throw invalidItems(issuesOf(result.error));
  return result.data;
}

/**
 * Checks a batch body `{ items: [...] }` item by item, so each error names its item. More than `max`
 * items is 413 (the caller must split the batch), not a validation error.
 */
export function parseBatch<S extends z.ZodType>(schema: S, body: unknown, max: number): ParsedBatch<z.output<S>> {
  const envelope = batchEnvelopeSchema.safeParse(body);
  if (!envelope.success) throw invalidItems(issuesOf(envelope.error));
  const raw = envelope.data.items;
  if (raw.length > max) {
    throw new ApiError('PAYLOAD_TOO_LARGE', `This batch has ${raw.length.toLocaleString('en-US')} items; send at most ${max.toLocaleString('en-US')} per call.`);
  }
  const items: Valid<z.output<S>>[] = [];
  const errors: ItemError[] = [];
  raw.forEach((item, index) => {
    const r = schema.safeParse(item);
    if (r.success) items.push({ index, value: r.data });
    else errors.push(...issuesOf(r.error, index));
  });
  return { items, errors, received: raw.length };
}

/** Marks later items that repeat an earlier item's key (the same external id twice in one batch). */
export function duplicates<T>(items: Valid<T>[], keyOf: (v: T) => string, field: string): { kept: Valid<T>[]; errors: ItemError[] } {
  const seen = new Map<string, number>();
  const kept: Valid<T>[] = [];
  const errors: ItemError[] = [];
  for (const item of items) {
    const key = keyOf(item.value);
    const earlier = seen.get(key);
    if (earlier === undefined) {
      seen.set(key, item.index);
      kept.push(item);
    } else errors.push({ index: item.index, field, message: `Item ${earlier} has the same ${field}; send each record once per batch.` });
  }
  return { kept, errors };
}

/** All-or-nothing: any error fails the whole call; with `partial` the errors are reported and the rest written. */
export function settle(errors: ItemError[], partial: boolean): void {
  if (errors.length > 0 && !partial) throw invalidItems(sortErrors(errors));
}

/** Errors in item order (then as found), as the response lists them. */
export const sortErrors = (errors: ItemError[]) => [...errors].sort((a, b) => (a.index ?? -1) - (b.index ?? -1));
