import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import {
  DASHBOARD_PERIOD_LABELS, DASHBOARD_PERIODS, DASHBOARD_SCOPE_LABELS, DASHBOARD_SCOPES, type DashboardParams,
} from '@/lib/validation/dashboard';

// A plain GET form: the period and scope live in the URL, so a view can be bookmarked and shared.
export function DashboardFilters({ params, customError }: { params: DashboardParams; customError: string | null }) {
  const errors = customError ? [customError] : undefined;
  return (
    <form method="get" className="mb-6 flex flex-wrap items-end gap-3 rounded-lg border border-gray-200 bg-white p-3" aria-label="Dashboard filters">
      <div className="w-44">
        <SelectField label="Period" name="period" defaultValue={params.period}
          options={DASHBOARD_PERIODS.map((p) => ({ value: p, label: DASHBOARD_PERIOD_LABELS[p] }))} />
      </div>
      <div className="w-48">
        <SelectField label="Accounts" name="scope" defaultValue={params.scope}
          options={DASHBOARD_SCOPES.map((s) => ({ value: s, label: DASHBOARD_SCOPE_LABELS[s] }))} />
      </div>
      <div className="w-40">
        <TextField label="Custom from" name="from" type="date" defaultValue={params.from ?? ''} errors={errors} />
      </div>
      <div className="w-40">
        <TextField label="Custom to" name="to" type="date" defaultValue={params.to ?? ''} />
      </div>
      <Button type="submit">Apply</Button>
      {customError ? <p role="alert" className="w-full text-sm text-red-700">Custom range not used: {customError} Showing the last 12 months.</p> : null}
    </form>
  );
}
