'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useFormSubmit } from '@/components/auth/use-form-submit';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import type { SurveyKind } from '@/db/schema/enums';
import type { ActionResult } from '@/lib/actions/safe-action';
import { DEFAULT_FOLLOW_UP, DEFAULT_LINK_EXPIRY_DAYS, SURVEY_KIND_LABELS, defaultQuestion } from '@/lib/validation/surveys';

type Props = { action: (prev: null, form: FormData) => Promise<ActionResult<{ id: string }>>; orgSlug: string; orgName: string };

const kinds = Object.entries(SURVEY_KIND_LABELS).map(([value, label]) => ({ value, label }));
const statuses = [{ value: 'draft', label: 'Draft (send later)' }, { value: 'open', label: 'Open (ready to send)' }];

/** New survey: the question defaults to the kind's wording with the org's name, shown as the field's hint. */
export function SurveyForm({ action, orgSlug, orgName }: Props) {
  const router = useRouter();
  const ref = useRef<HTMLFormElement>(null);
  const [kind, setKind] = useState<SurveyKind>('nps');
  const [topic, setTopic] = useState('');
  const { onSubmit, pending, fieldErrors: errors, error, result } = useFormSubmit(action, ({ id }) => router.push(`/${orgSlug}/surveys/${id}`));

  useEffect(() => {
    if (result && !result.ok) ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [result]);

  const topicLabel = kind === 'ces' ? 'Task (what they tried to do)' : 'Topic (what they rate)';
  return (
    <form ref={ref} onSubmit={onSubmit} noValidate className="space-y-5">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Kind" name="kind" options={kinds} value={kind} onChange={(e) => setKind(e.target.value as SurveyKind)} errors={errors.kind} />
        <TextField label="Internal name" name="name" required maxLength={100} autoComplete="off" errors={errors.name} hint="Only your team sees it, e.g. “Q3 relationship NPS”" />
        {kind !== 'nps' ? (
          <TextField
            label={topicLabel} name="topic" maxLength={100} autoComplete="off" value={topic} onChange={(e) => setTopic(e.target.value)} errors={errors.topic}
            hint={kind === 'ces' ? 'e.g. “get my issue resolved”' : 'e.g. “our support”'}
          />
        ) : null}
        <div className="sm:col-span-2">
          <TextField label="Question" name="question" maxLength={300} autoComplete="off" errors={errors.question} hint={`Leave blank for: ${defaultQuestion(kind, orgName, topic.trim() || (kind === 'nps' ? null : '…'))}`} />
        </div>
        <div className="sm:col-span-2">
          <TextField label="Follow-up question (optional)" name="followUpQuestion" maxLength={300} autoComplete="off" defaultValue={DEFAULT_FOLLOW_UP} errors={errors.followUpQuestion} hint="Asked under the score as a free-text answer; clear it to ask none." />
        </div>
        <SelectField label="Status" name="status" options={statuses} defaultValue="draft" errors={errors.status} />
        <TextField label="Links expire after (days)" name="linkExpiryDays" type="number" inputMode="numeric" min={1} max={365} step={1} defaultValue={DEFAULT_LINK_EXPIRY_DAYS} errors={errors.linkExpiryDays} hint="1–365 days after each link is sent" />
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? 'Creating…' : 'Create survey'}</Button>
        <Link href={`/${orgSlug}/surveys`} className="text-sm text-gray-700 underline underline-offset-2">Cancel</Link>
      </div>
    </form>
  );
}
