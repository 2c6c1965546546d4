import Form from 'next/form';
import type { Role } from '@/db/schema/enums';
import { accountListSearch, type AccountListParams, type AccountSortKey } from '@/lib/validation/accounts';
import { HiddenParams } from './hidden-params';

type Props = { base: string; query: AccountListParams; role: Role; column: AccountSortKey; label: string; numeric?: boolean };

/**
 * A column header whose button sorts by it (again: the other way). A real button in a GET form,
 * so it works without JavaScript and keeps the filters; the th carries aria-sort.
 */
export function SortHeader({ base, query, role, column, label, numeric }: Props) {
  const current = query.sort.replace(/^-/, '') === column;
  const descending = query.sort.startsWith('-');
  const next = current && !descending ? `-${column}` : column;
  const { sort: _sort, page: _page, ...keep } = accountListSearch(query, role);
  return (
    <th scope="col" aria-sort={current ? (descending ? 'descending' : 'ascending') : undefined} className={`px-4 py-2 font-medium ${numeric ? 'text-right' : ''}`}>
      <Form action={base} prefetch={false}>
        <HiddenParams params={keep} />
        {next !== 'name' ? <input type="hidden" name="sort" value={next} /> : null}
        <button type="submit" className={`inline-flex items-center gap-1 rounded px-1 -mx-1 hover:bg-gray-200 ${current ? 'text-gray-900 underline underline-offset-4' : ''}`}>
          {label}
          <span aria-hidden="true" className="text-xs text-gray-600">{current ? (descending ? '▼' : '▲') : '↕'}</span>
        </button>
      </Form>
    </th>
  );
}
