'use client';

import { useRouter } from 'next/navigation';
import { useFormSubmit } from '@/components/auth/use-form-submit';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/safe-action';

type Props = { version: number; orgSlug: string; action: (prev: null, form: FormData) => Promise<ActionResult<{ version: number; accounts: number }>> };

/** Saves an older version again as the newest one. */
export function RestoreButton({ version, orgSlug, action }: Props) {
  const router = useRouter();
  const { onSubmit, pending, error } = useFormSubmit(action, (data) => router.replace(`/${orgSlug}/settings/health?saved=${data.version}`));
  return (
    <form onSubmit={onSubmit} className="space-y-1">
      <input type="hidden" name="version" value={version} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={`Restore version ${version}`}>{pending ? 'Restoring…' : 'Restore'}</Button>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </form>
  );
}
