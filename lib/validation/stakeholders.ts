import { z } from 'zod';
import { influenceEnum, sentimentEnum, stakeholderRoleEnum } from '@/db/schema/enums';

const optionalText = (max: number) => z.string().trim().max(max).optional().transform((v) => (v ? v : null));
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());

/** The editable fields of a stakeholder (forms, CSV import and the API share it). */
export const stakeholderFieldsSchema = z.object({
  name: z.string().trim().min(1, { message: 'Enter a name.' }).max(200),
  email: z.union([z.literal(''), z.email({ message: 'Enter a valid email address.' })]).optional().transform((v) => (v ? v.toLowerCase() : null)),
  title: optionalText(200),
  externalId: optionalText(200),
  role: z.enum(stakeholderRoleEnum.enumValues, { message: 'Choose a role.' }).default('user'),
  influence: z.enum(influenceEnum.enumValues).default('medium'),
  sentiment: z.enum(sentimentEnum.enumValues).default('neutral'),
  isPrimary: checkbox.default(false),
  doNotSurvey: checkbox.default(false),
});

export type StakeholderFields = z.infer<typeof stakeholderFieldsSchema>;
