import { segmentEnum, stakeholderRoleEnum } from '@/db/schema/enums';
import { labelOf } from '@/lib/format';
import type { AccountOptions } from '@/lib/dal/survey-send';
import type { SendTarget } from '@/lib/validation/surveys';

const select = 'mt-1 block w-full rounded-md border border-gray-300 bg-white px-3 py-2 text-sm';

type Props = { base: string; target: SendTarget | null; accounts: AccountOptions; q?: string };

/**
 * Step 1 of a send: who. A plain GET form (works without JavaScript); the page previews the choice from the URL.
 * The value of the chosen kind is used; the other selects are ignored.
 */
export function SendTargetForm({ base, target, accounts, q }: Props) {
  const t = target?.target ?? 'account';
  const radio = (value: string, label: string) => (
    <label className="flex items-center gap-2 text-sm text-gray-800">
      <input type="radio" name="target" value={value} defaultChecked={t === value} className="h-4 w-4" /> {label}
    </label>
  );
  return (
    <form method="get" action={base} className="space-y-4">
      <fieldset>
        <legend className="text-sm font-semibold text-gray-900">Send to</legend>
        <div className="mt-2 grid gap-4 sm:grid-cols-2">
          <div>
            {radio('account', 'The stakeholders of one account')}
            <label htmlFor="t-q" className="mt-1 block text-sm font-medium text-gray-800">Find an account</label>
            <div className="mt-1 flex gap-2">
              <input id="t-q" name="q" type="search" defaultValue={q ?? ''} maxLength={100} placeholder="Name or domain" className={`${select} mt-0`} />
              <button type="submit" name="find" value="1" className="rounded-md border border-gray-300 bg-white px-3 py-2 text-sm font-medium text-gray-800 hover:bg-gray-50">Find</button>
            </div>
            <label htmlFor="t-account" className="mt-2 block text-sm font-medium text-gray-800">Account</label>
            <select id="t-account" name="accountId" defaultValue={target?.target === 'account' ? target.accountId : ''} className={select} aria-describedby="t-account-count">
              <option value="">{accounts.total === 0 ? (q ? 'No account matches' : 'No accounts yet') : 'Choose an account'}</option>
              {accounts.rows.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
            </select>
            <p id="t-account-count" className="mt-1 text-xs text-gray-600">
              {q ? `${accounts.total.toLocaleString('en-US')} matching “${q}”` : `${accounts.total.toLocaleString('en-US')} accounts`}
              {accounts.total > accounts.rows.length ? `: the first ${accounts.rows.length.toLocaleString('en-US')} by name are listed, find one to narrow the list.` : ''}
            </p>
          </div>
          <div>
            {radio('segment', 'Everyone in a segment')}
            <label htmlFor="t-segment" className="mt-1 block text-sm font-medium text-gray-800">Segment</label>
            <select id="t-segment" name="segment" defaultValue={target?.target === 'segment' ? target.segment : 'enterprise'} className={select}>
              {segmentEnum.enumValues.map((s) => <option key={s} value={s}>{labelOf(s)}</option>)}
            </select>
          </div>
          <div>
            {radio('role', 'Everyone with a role')}
            <label htmlFor="t-role" className="mt-1 block text-sm font-medium text-gray-800">Role</label>
            <select id="t-role" name="role" defaultValue={target?.target === 'role' ? target.role : 'champion'} className={select}>
              {stakeholderRoleEnum.enumValues.map((r) => <option key={r} value={r}>{labelOf(r)}</option>)}
            </select>
          </div>
          <div className="self-end pb-2">{radio('primary', 'Every primary contact')}</div>
        </div>
      </fieldset>
      <button type="submit" className="rounded-md border border-gray-300 bg-white px-3 py-2 text-sm font-medium text-gray-800 hover:bg-gray-50">Preview recipients</button>
    </form>
  );
}
