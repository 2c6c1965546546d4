import { z } from 'zod';
import { influenceEnum, sentimentEnum, stakeholderRoleEnum } from '@/db/schema/enums';

const optionalText = (max: number) => z.string().trim().max(max).optional().transform((v) => (v ? v : null));
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());
const id = (what: string) => z.uuid({ message: `${what} was not found.` });

/** The editable fields of a stakeholder (forms, CSV import and the API share it). */
export const stakeholderFieldsSchema = z.object({
  name: z.string().trim().min(1, { message: 'Enter a name.' }).max(200, { message: 'Use at most 200 characters.' }),
  email: z.union([z.literal(''), z.email({ message: 'Enter a valid email address.' })]).optional().transform((v) => (v ? v.toLowerCase() : null)),
  title: optionalText(200),
  externalId: optionalText(200),
  role: z.enum(stakeholderRoleEnum.enumValues, { message: 'Choose a role.' }).default('user'),
  influence: z.enum(influenceEnum.enumValues, { message: 'Choose an influence.' }).default('medium'),
  sentiment: z.enum(sentimentEnum.enumValues, { message: 'Choose a sentiment.' }).default('neutral'),
  isPrimary: checkbox.default(false),
  doNotSurvey: checkbox.default(false),
});

export type StakeholderFields = z.infer<typeof stakeholderFieldsSchema>;

/** The add-stakeholder form: the fields plus the account they belong to. */
export const createStakeholderSchema = stakeholderFieldsSchema.extend({ accountId: id('That account') });

/** The edit form: every field again (a full replacement) plus the stakeholder's id. */
export const updateStakeholderSchema = stakeholderFieldsSchema.extend({ stakeholderId: id('That stakeholder') });

/** Buttons that act on one stakeholder (remove, log contact, left, back). */
export const stakeholderIdSchema = z.object({ stakeholderId: id('That stakeholder') });
