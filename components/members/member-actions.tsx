'use client';

import { useFormSubmit } from '@/components/auth/use-form-submit';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/safe-action';
import { roleLabels } from '@/lib/auth/roles';
import type { Role } from '@/db/schema/enums';

type Act<T = unknown> = (prev: null, f: FormData) => Promise<ActionResult<T>>;

type Props = {
  userId: string;
  name: string;
  role: Role;
  roles: Role[];
  changeRole: Act;
  remove: Act;
  resetLink: Act<{ link: string; email: string }>;
};

/** Role change, reset link and removal for one member; each shows its own result. */
export function MemberActions({ userId, name, role, roles, changeRole, remove, resetLink }: Props) {
  const change = useFormSubmit(changeRole);
  const removal = useFormSubmit(remove);
  const reset = useFormSubmit(resetLink);
  const error = change.error ?? removal.error ?? reset.error;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <form onSubmit={change.onSubmit} className="flex items-center gap-2">
          <input type="hidden" name="userId" value={userId} />
          <label className="sr-only" htmlFor={`role-${userId}`}>Role of {name}</label>
          <select id={`role-${userId}`} name="role" defaultValue={role} className="rounded-md border border-gray-300 bg-white px-2 py-1 text-sm">
            {roles.map((r) => <option key={r} value={r}>{roleLabels[r]}</option>)}
          </select>
          <Button type="submit" variant="secondary" disabled={change.pending}>Change role</Button>
        </form>
        <form onSubmit={reset.onSubmit}>
          <input type="hidden" name="userId" value={userId} />
          <Button type="submit" variant="secondary" disabled={reset.pending}>Reset link</Button>
        </form>
        <form onSubmit={(e) => (confirm(`Remove ${name} from this org?`) ? removal.onSubmit(e) : e.preventDefault())}>
          <input type="hidden" name="userId" value={userId} />
          <Button type="submit" variant="danger" disabled={removal.pending}>Remove</Button>
        </form>
      </div>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      {change.result?.ok ? <p role="status" className="text-sm text-emerald-800">Role changed.</p> : null}
      {reset.result?.ok ? (
        <p role="status" className="text-sm text-gray-800">
          One-hour reset link for {reset.result.data.email}:{' '}
          <input aria-label={`Reset link for ${name}`} readOnly value={reset.result.data.link} className="w-full rounded border border-gray-300 px-2 py-1 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
        </p>
      ) : null}
    </div>
  );
}
