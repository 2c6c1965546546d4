'use client';

import { useFormSubmit } from '@/components/auth/use-form-submit';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/safe-action';
import { roleLabels } from '@/lib/auth/roles';
import type { Role } from '@/db/schema/enums';

type Invite = { link: string; emailed: boolean };

/** Invite by email with a role; shows the link to copy (and says whether it was emailed). */
export function InviteForm({ action, roles }: { action: (prev: null, f: FormData) => Promise<ActionResult<Invite>>; roles: Role[] }) {
  const { onSubmit, pending, fieldErrors, error, result } = useFormSubmit(action);
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {result?.ok ? (
        <Alert tone="success">
          {result.data.emailed ? 'Invitation emailed. ' : 'No SMTP is configured, so pass this link on yourself. '}
          The link works for 7 days, only for the invited email:
          <input aria-label="Invitation link" readOnly value={result.data.link} className="mt-2 block w-full rounded border border-emerald-300 bg-white px-2 py-1 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
        </Alert>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end">
        <TextField label="Email to invite" name="email" type="email" required errors={fieldErrors.email} />
        <SelectField label="Role" name="role" defaultValue="csm" errors={fieldErrors.role} options={roles.map((r) => ({ value: r, label: roleLabels[r] }))} />
        <Button type="submit" disabled={pending}>{pending ? 'Inviting…' : 'Invite'}</Button>
      </div>
    </form>
  );
}
