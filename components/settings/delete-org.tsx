'use client';

import { useFormSubmit } from '@/components/auth/use-form-submit';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { TextField } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/safe-action';

type Props = { orgName: string; slug: string; action: (prev: null, form: FormData) => Promise<ActionResult<{ deleted: string }>> };

/** The owner's "delete this organization": typing the org's address confirms; afterwards the browser leaves for home. */
export function DeleteOrg({ orgName, slug, action }: Props) {
  // a full navigation: every page of the deleted org is gone, so nothing of it may stay in the router cache
  const { onSubmit, pending, fieldErrors, error } = useFormSubmit(action, () => window.location.assign('/'));
  return (
    <Card title="Delete this organization" className="mt-6 border-red-200">
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        <p className="text-sm text-gray-800">
          Deletes <strong>{orgName}</strong> and everything in it: accounts, stakeholders, timelines, revenue, usage, surveys and
          their answers, health history, playbooks and alerts, API keys, members&apos; access and the audit log. This cannot be undone.
        </p>
        {error && !fieldErrors.confirmSlug ? <Alert tone="error">{error}</Alert> : null}
        <div className="max-w-sm">
          <TextField label={`Type ${slug} to confirm`} name="confirmSlug" autoComplete="off" required errors={fieldErrors.confirmSlug} />
        </div>
        <Button type="submit" variant="danger" disabled={pending}>{pending ? 'Deleting…' : 'Delete organization'}</Button>
      </form>
    </Card>
  );
}
