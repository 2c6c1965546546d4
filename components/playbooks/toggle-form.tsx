'use client';

import { useRouter } from 'next/navigation';
import { useFormSubmit } from '@/components/auth/use-form-submit';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/safe-action';

/** Enable or disable one playbook. */
export function ToggleForm({ playbookId, name, enabled, action }: { playbookId: string; name: string; enabled: boolean; action: (prev: null, form: FormData) => Promise<ActionResult<unknown>> }) {
  const router = useRouter();
  const { onSubmit, pending, error } = useFormSubmit(action, () => router.refresh());
  return (
    <form onSubmit={onSubmit} className="inline-flex flex-col gap-1">
      <input type="hidden" name="playbookId" value={playbookId} />
      <input type="hidden" name="enabled" value={enabled ? 'false' : 'true'} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {enabled ? 'Disable' : 'Enable'}<span className="sr-only"> {name}</span>
      </Button>
      {error ? <p role="alert" className="text-xs text-red-700">{error}</p> : null}
    </form>
  );
}
