import { formatDate } from '@/components/dashboard/format';
import type { AccountFeatures } from '@/lib/dal/kpis';

const th = 'px-2 py-1.5 text-left text-xs font-medium uppercase tracking-wide text-gray-600';
const td = 'px-2 py-1.5';
const int = (n: number) => n.toLocaleString('en-US');

/** Which tracked features the account used in the last 30 days and how often; untracked ones it used are listed after. */
export function FeatureAdoption({ data }: { data: AccountFeatures }) {
  const source = data.trackedFrom === 'setting' ? 'the organization’s tracked features' : 'every feature used in the organization in the last 90 days (no tracked list is set)';
  return (
    <>
      <h3 className="mb-1 mt-4 text-sm font-semibold text-gray-900">Feature adoption, last 30 days</h3>
      <p className="mb-2 text-sm text-gray-700">
        {data.reason ?? `Used ${data.trackedUsed} of ${data.trackedCount} tracked features in the 30 days up to ${formatDate(data.asOf)}.`}
        {' '}Tracked: {source}.
      </p>
      {data.features.length === 0 ? null : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">Feature use in the last 30 days</caption>
            <thead>
              <tr>
                <th className={th} scope="col">Feature</th>
                <th className={th} scope="col">Status</th>
                <th className={`${th} text-right`} scope="col">Uses</th>
                <th className={`${th} text-right`} scope="col">Users</th>
                <th className={`${th} text-right`} scope="col">Days</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {data.features.map((f) => (
                <tr key={f.key}>
                  <th scope="row" className={`${td} text-left font-mono text-xs font-normal text-gray-900`}>{f.key}</th>
                  <td className={`${td} whitespace-nowrap`}>
                    {/* words, not only colour: used / not used / not tracked */}
                    {!f.tracked ? <span className="text-gray-700">Used, not tracked</span>
                      : f.uses > 0 ? <span className="font-medium text-green-800"><span aria-hidden="true">✓ </span>Used</span>
                        : <span className="text-red-700"><span aria-hidden="true">✗ </span>Not used</span>}
                  </td>
                  <td className={`${td} text-right tabular-nums`}>{int(f.uses)}</td>
                  <td className={`${td} text-right tabular-nums`}>{int(f.users)}</td>
                  <td className={`${td} text-right tabular-nums`}>{int(f.days)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
