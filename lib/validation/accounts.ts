import { z } from 'zod';
import { lifecycleStageEnum, segmentEnum } from '@/db/schema/enums';

const optionalText = (max: number) => z.string().trim().max(max).optional().transform((v) => (v ? v : null));
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Use a date like 2026-01-31.' });

/** The editable fields of an account (the API, CSV import and forms share it). */
export const accountFieldsSchema = z
  .object({
    name: z.string().trim().min(1, { message: 'Enter a name.' }).max(200),
    domain: optionalText(253).refine((d) => d === null || /^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(d), {
      message: 'Enter a domain like example.com.',
    }),
    externalId: optionalText(200),
    segment: z.enum(segmentEnum.enumValues).nullable().optional(),
    stage: z.enum(lifecycleStageEnum.enumValues).optional(),
    licensedSeats: z.coerce.number().int({ message: 'Seats must be a whole number.' }).min(0, { message: 'Seats cannot be negative.' }).nullable().optional(),
    contractStart: isoDate.nullable().optional(),
    nextRenewalDate: isoDate.nullable().optional(),
  })
  .refine((a) => !a.contractStart || !a.nextRenewalDate || a.nextRenewalDate >= a.contractStart, {
    message: 'The renewal date cannot be before the contract start.',
    path: ['nextRenewalDate'],
  });

export type AccountFields = z.infer<typeof accountFieldsSchema>;
