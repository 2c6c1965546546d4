'use client';

import Link from 'next/link';
import { useFormSubmit } from '@/components/auth/use-form-submit';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/safe-action';
import type { SendResult } from '@/lib/dal/survey-send';

type Props = {
  action: (prev: null, form: FormData) => Promise<ActionResult<SendResult>>;
  fields: Record<string, string>; count: number; surveyHref: string;
};

const people = (n: number) => (n === 1 ? '1 stakeholder' : `${n.toLocaleString('en-US')} stakeholders`);

/** Step 2 of a send: posts the previewed target; says what happened and where the links are. */
export function SendButton({ action, fields, count, surveyHref }: Props) {
  const { onSubmit, pending, error, result } = useFormSubmit(action);
  if (result?.ok) {
    const r = result.data;
    return (
      <Alert tone="success">
        Sent to {people(r.sent)} at {r.accounts === 1 ? '1 account' : `${r.accounts} accounts`}.
        {r.queued ? ` ${r.queued === 1 ? 'Its email is' : `${r.queued.toLocaleString('en-US')} emails are`} being sent in the background; each link shows whether its email went out.` : ''}
        {r.outbox ? ` ${r.outbox} ${r.outbox === 1 ? 'link is' : 'links are'} waiting to be copied (no email server is set up).` : ''}{' '}
        <Link href={surveyHref} className="font-medium underline underline-offset-2">See the links on the survey page</Link>.
      </Alert>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-2">
      {Object.entries(fields).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button type="submit" disabled={pending || count === 0}>{pending ? 'Sending…' : `Send to ${people(count)}`}</Button>
    </form>
  );
}
