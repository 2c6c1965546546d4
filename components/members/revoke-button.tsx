'use client';

import { useFormSubmit } from '@/components/auth/use-form-submit';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/safe-action';

/** Revokes a pending invitation. */
export function RevokeButton({ invitationId, email, action }: { invitationId: string; email: string; action: (prev: null, f: FormData) => Promise<ActionResult<unknown>> }) {
  const { onSubmit, pending, error } = useFormSubmit(action);
  return (
    <form onSubmit={onSubmit}>
      <input type="hidden" name="invitationId" value={invitationId} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={`Revoke the invitation of ${email}`}>Revoke</Button>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
    </form>
  );
}
