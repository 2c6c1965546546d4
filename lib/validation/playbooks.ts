import { z } from 'zod';
import { alertPriorityEnum, playbookTriggerEnum, type PlaybookParams } from '@/db/schema/playbooks';
import { TRIGGERS, type ParamKey } from '@/lib/playbooks/triggers';

const PARAM_KEYS: ParamKey[] = ['threshold', 'points', 'days', 'percent'];

// A form posts every parameter field, including those of other triggers (hidden ones post nothing); only the
// chosen trigger's parameters are checked and kept.
const optionalNumber = z.preprocess(
  (v) => (v === '' || v === undefined || v === null ? undefined : typeof v === 'string' ? Number(v.trim()) : v),
  z.number({ message: 'Enter a whole number.' }).int({ message: 'Enter a whole number.' }).optional(),
);

/** The playbook form (create and edit). The webhook's address is checked against private networks by the DAL. */
export const playbookSchema = z
  .object({
    name: z.string({ message: 'Name the playbook.' }).trim().min(1, { message: 'Name the playbook.' }).max(120, { message: 'Keep the name to 120 characters.' }),
    trigger: z.enum(playbookTriggerEnum.enumValues, { message: 'Choose what the playbook watches.' }),
    threshold: optionalNumber,
    points: optionalNumber,
    days: optionalNumber,
    percent: optionalNumber,
    priority: z.enum(alertPriorityEnum.enumValues, { message: 'Choose a priority.' }),
    /** "owner" = the account's owner, else a member's user id */
    assignee: z.union([z.literal('owner'), z.uuid({ message: 'Choose who gets the alert.' })], { message: 'Choose who gets the alert.' }).default('owner'),
    notifyEmail: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
    webhookUrl: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
      z.url({ protocol: /^https?$/, message: 'Enter a full http:// or https:// URL, or leave it empty.' }).max(2000).optional(),
    ),
  })
  .superRefine((v, ctx) => {
    for (const spec of TRIGGERS[v.trigger]?.params ?? []) {
      const value = v[spec.key];
      if (value === undefined) ctx.addIssue({ code: 'custom', path: [spec.key], message: `Enter ${spec.label.toLowerCase()} (${spec.unit}).` });
      else if (value < spec.min || value > spec.max) ctx.addIssue({ code: 'custom', path: [spec.key], message: `Use ${spec.min} to ${spec.max} ${spec.unit}.` });
    }
  })
  .transform((v) => {
    const params: PlaybookParams = {};
    for (const spec of TRIGGERS[v.trigger].params) params[spec.key] = v[spec.key];
    return {
      name: v.name, trigger: v.trigger, params, priority: v.priority,
      assigneeId: v.assignee === 'owner' ? null : v.assignee,
      notifyEmail: v.notifyEmail, webhookUrl: v.webhookUrl ?? null,
    };
  });

export type PlaybookInput = z.output<typeof playbookSchema>;

export const createPlaybookSchema = playbookSchema;
export const updatePlaybookSchema = z.intersection(z.object({ playbookId: z.uuid({ message: 'That playbook was not found.' }) }), playbookSchema);

export const togglePlaybookSchema = z.object({
  playbookId: z.uuid({ message: 'That playbook was not found.' }),
  enabled: z.enum(['true', 'false']).transform((v) => v === 'true'),
});

export { PARAM_KEYS };
