'use client';

import { useRouter } from 'next/navigation';
import { useFormSubmit } from '@/components/auth/use-form-submit';
import { Button } from '@/components/ui/button';
import type { SurveyStatus } from '@/db/schema/enums';
import type { ActionResult } from '@/lib/actions/safe-action';

type Action<T = unknown> = (prev: null, form: FormData) => Promise<ActionResult<T>>;

const NEXT: Record<SurveyStatus, { status: SurveyStatus; label: string }> = {
  draft: { status: 'open', label: 'Open survey' },
  open: { status: 'closed', label: 'Close survey' },
  closed: { status: 'open', label: 'Reopen survey' },
};

/** Opens, closes or reopens the survey; the page refreshes with the new status. */
export function StatusButton({ surveyId, status, action }: { surveyId: string; status: SurveyStatus; action: Action }) {
  const router = useRouter();
  const { onSubmit, pending, error } = useFormSubmit(action, () => router.refresh());
  const next = NEXT[status];
  return (
    <form onSubmit={onSubmit} className="inline-flex flex-col gap-1">
      <input type="hidden" name="surveyId" value={surveyId} />
      <input type="hidden" name="status" value={next.status} />
      <Button type="submit" variant="secondary" disabled={pending}>{pending ? 'Saving…' : next.label}</Button>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
    </form>
  );
}

/** "Create anonymous link": one link for the whole survey, shown on the page once made. */
export function AnonymousLinkButton({ surveyId, action }: { surveyId: string; action: Action }) {
  const router = useRouter();
  const { onSubmit, pending, error } = useFormSubmit(action, () => router.refresh());
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-1">
      <input type="hidden" name="surveyId" value={surveyId} />
      <Button type="submit" variant="secondary" disabled={pending}>{pending ? 'Creating…' : 'Create anonymous link'}</Button>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
    </form>
  );
}
