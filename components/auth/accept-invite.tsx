'use client';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { acceptInvitationAction } from '@/lib/actions/auth';
import { useFormSubmit } from './use-form-submit';

/** The signed-in invitee joins the org, then lands on it. */
export function AcceptInvite({ token, orgName }: { token: string; orgName: string }) {
  const { onSubmit, pending, error } = useFormSubmit(acceptInvitationAction, (data) => window.location.assign(`/${data.orgSlug}`));
  return (
    <form onSubmit={onSubmit} className="space-y-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <Button type="submit" className="w-full" disabled={pending}>{pending ? 'Joining…' : `Join ${orgName}`}</Button>
    </form>
  );
}
