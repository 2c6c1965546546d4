import { z } from 'zod';
import { roleEnum } from '@/db/schema/enums';
import { emailSchema } from './auth';

export const roleSchema = z.enum(roleEnum.enumValues, { message: 'Choose a role.' });

export const inviteMemberSchema = z.object({ email: emailSchema, role: roleSchema });
export const changeRoleSchema = z.object({ userId: z.uuid({ message: 'Unknown member.' }), role: roleSchema });
export const memberIdSchema = z.object({ userId: z.uuid({ message: 'Unknown member.' }) });
export const invitationIdSchema = z.object({ invitationId: z.uuid({ message: 'Unknown invitation.' }) });
