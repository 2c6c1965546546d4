'use server';

import { revalidatePath } from 'next/cache';
import { createInvitation, revokeInvitation } from '@/lib/dal/invitations';
import { changeMemberRole, createMemberResetToken, removeMember } from '@/lib/dal/members';
import { sendMail } from '@/lib/mail';
import { absoluteUrl } from '@/lib/request';
import { changeRoleSchema, invitationIdSchema, inviteMemberSchema, memberIdSchema } from '@/lib/validation/members';
import { tenantAction } from './safe-action';

/** Invites by email; returns the link to copy (and emails it when SMTP is configured). */
export const inviteMemberAction = tenantAction(inviteMemberSchema, async (ctx, input) => {
  const { token } = await createInvitation(ctx, input);
  const link = absoluteUrl(`/invite/${token}`);
  const emailed = await sendMail({
    to: input.email,
    subject: `You are invited to ${ctx.orgName} on Tenure`,
    text: `You have been invited to join ${ctx.orgName} on Tenure as ${input.role}.\n\nAccept (valid for 7 days): ${link}`,
  });
  revalidatePath(`/${ctx.orgSlug}/settings/members`);
  return { link, emailed };
}, { minRole: 'admin' });

export const revokeInvitationAction = tenantAction(invitationIdSchema, async (ctx, { invitationId }) => {
  await revokeInvitation(ctx, invitationId);
  revalidatePath(`/${ctx.orgSlug}/settings/members`);
}, { minRole: 'admin' });

export const changeMemberRoleAction = tenantAction(changeRoleSchema, async (ctx, { userId, role }) => {
  await changeMemberRole(ctx, userId, role);
  revalidatePath(`/${ctx.orgSlug}/settings/members`);
}, { minRole: 'admin' });

export const removeMemberAction = tenantAction(memberIdSchema, async (ctx, { userId }) => {
  await removeMember(ctx, userId);
  revalidatePath(`/${ctx.orgSlug}/settings/members`);
}, { minRole: 'admin' });

/** A one-hour reset link for a member, for an admin to pass on when there is no SMTP. */
export const createResetLinkAction = tenantAction(memberIdSchema, async (ctx, { userId }) => {
  const { token, email } = await createMemberResetToken(ctx, userId);
  return { link: absoluteUrl(`/reset/${token}`), email };
}, { minRole: 'admin' });
