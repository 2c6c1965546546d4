'use client';

import { useRouter } from 'next/navigation';
import { useFormSubmit } from '@/components/auth/use-form-submit';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/safe-action';

type Props = {
  action: (prev: null, form: FormData) => Promise<ActionResult<unknown>>;
  accountId: string;
  label: string;
  /** Asked before archiving; restoring needs no confirmation. */
  confirmText?: string;
};

/** Archive or restore one account, then refresh the page (whose archived notice shows the result). */
export function ArchiveButton({ action, accountId, label, confirmText }: Props) {
  const router = useRouter();
  const { onSubmit, pending, error } = useFormSubmit(action, () => router.refresh());
  return (
    <form onSubmit={(e) => (!confirmText || confirm(confirmText) ? onSubmit(e) : e.preventDefault())} className="inline-flex flex-col items-end">
      <input type="hidden" name="accountId" value={accountId} />
      <Button type="submit" variant={confirmText ? 'danger' : 'secondary'} disabled={pending}>{pending ? 'Working…' : label}</Button>
      {error ? <p role="alert" className="mt-1 text-sm text-red-700">{error}</p> : null}
    </form>
  );
}
