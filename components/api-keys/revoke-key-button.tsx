'use client';

import { useFormSubmit } from '@/components/auth/use-form-submit';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/safe-action';

/** Revokes one key after a confirmation: requests with it fail with 401 from then on. */
export function RevokeKeyButton({ apiKeyId, name, action }: { apiKeyId: string; name: string; action: (prev: null, f: FormData) => Promise<ActionResult<unknown>> }) {
  const { onSubmit, pending, error } = useFormSubmit(action);
  return (
    <form onSubmit={(e) => (confirm(`Revoke the key “${name}”? Systems using it stop working at once.`) ? onSubmit(e) : e.preventDefault())}>
      <input type="hidden" name="apiKeyId" value={apiKeyId} />
      <Button type="submit" variant="danger" disabled={pending} aria-label={`Revoke the key ${name}`}>{pending ? 'Revoking…' : 'Revoke'}</Button>
      {error ? <p role="alert" className="mt-1 text-sm text-red-700">{error}</p> : null}
    </form>
  );
}
