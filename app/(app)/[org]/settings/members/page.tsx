import type { Metadata } from 'next';
import { InviteForm } from '@/components/members/invite-form';
import { MemberActions } from '@/components/members/member-actions';
import { RevokeButton } from '@/components/members/revoke-button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { changeMemberRoleAction, createResetLinkAction, inviteMemberAction, removeMemberAction, revokeInvitationAction } from '@/lib/actions/members';
import { assignableRoles, canManageMember, hasRole, roleLabels } from '@/lib/auth/roles';
import { requireTenant } from '@/lib/auth/tenant';
import { listPendingInvitations } from '@/lib/dal/invitations';
import { listMembers } from '@/lib/dal/members';
import { formatDate } from '@/lib/format';

export const metadata: Metadata = { title: 'Members' };

export default async function MembersPage({ params }: { params: Promise<{ org: string }> }) {
  const ctx = await requireTenant((await params).org);
  const isAdmin = hasRole(ctx.role, 'admin');
  const [members, invitations] = await Promise.all([listMembers(ctx), isAdmin ? listPendingInvitations(ctx) : []]);
  const slug = ctx.orgSlug;
  return (
    <>
      <PageHeader title="Members" description={isAdmin ? 'Invite people and manage their roles.' : 'Only admins can change members; you can see who is here.'} />
      {isAdmin ? <Card title="Invite someone" className="mb-6"><InviteForm action={inviteMemberAction.bind(null, slug)} roles={assignableRoles(ctx.role)} /></Card> : null}
      <Card title={`Members (${members.length})`}>
        <ul className="divide-y divide-gray-100">
          {members.map((m) => (
            <li key={m.userId} className="flex flex-wrap items-start justify-between gap-3 py-3">
              <div className="text-sm">
                <p className="font-medium text-gray-900">{m.name}{m.userId === ctx.userId ? ' (you)' : ''}</p>
                <p className="text-gray-600">{m.email} · {roleLabels[m.role]} · joined {formatDate(m.joinedAt)}</p>
              </div>
              {isAdmin && canManageMember(ctx.role, m.role) ? (
                <MemberActions
                  userId={m.userId} name={m.name} role={m.role} roles={assignableRoles(ctx.role)}
                  changeRole={changeMemberRoleAction.bind(null, slug)} remove={removeMemberAction.bind(null, slug)} resetLink={createResetLinkAction.bind(null, slug)}
                />
              ) : null}
            </li>
          ))}
        </ul>
      </Card>
      {isAdmin ? (
        <Card title="Pending invitations" className="mt-6">
          {invitations.length === 0 ? <p className="text-sm text-gray-700">No pending invitations.</p> : (
            <ul className="divide-y divide-gray-100">
              {invitations.map((i) => (
                <li key={i.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                  <span>{i.email} · {roleLabels[i.role]} · expires {formatDate(i.expiresAt)}</span>
                  <RevokeButton invitationId={i.id} email={i.email} action={revokeInvitationAction.bind(null, slug)} />
                </li>
              ))}
            </ul>
          )}
        </Card>
      ) : null}
    </>
  );
}
