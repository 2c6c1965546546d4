'use client';

import { useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/safe-action';
import type { HealthPreview } from '@/lib/health/preview-types';
import { healthFactors, type HealthBands, type HealthWeights } from '@/lib/kpi/health';
import { FactorRow } from './factor-row';
import { FACTOR_TEXT, MISSING_RULE } from './factor-text';
import { PreviewPanel } from './preview-panel';

type Action<T> = (prev: null, form: FormData) => Promise<ActionResult<T>>;
type Props = {
  weights: HealthWeights;
  bands: HealthBands;
  canEdit: boolean;
  previewAction: Action<HealthPreview>;
  saveAction: Action<{ version: number; accounts: number }>;
  orgSlug: string;
};

const share = (w: string, total: number) => (total > 0 && Number(w) > 0 ? `${((Number(w) * 100) / total).toFixed(1)} %` : '0.0 %');

/** Weights (slider + number each, live normalized shares) and bands; Preview on the server, Save with a comment. */
export function HealthConfigForm({ weights, bands, canEdit, previewAction, saveAction, orgSlug }: Props) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(() => Object.fromEntries(healthFactors.map((f) => [f, String(weights[f])])) as Record<string, string>);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [preview, setPreview] = useState<HealthPreview | null>(null);
  const [pending, setPending] = useState<'preview' | 'save' | null>(null);
  const total = healthFactors.reduce((sum, f) => sum + (Number.isFinite(Number(values[f])) ? Math.max(0, Number(values[f])) : 0), 0);

  async function run(kind: 'preview' | 'save') {
    if (!form.current) return;
    setPending(kind);
    try {
      const data = new FormData(form.current);
      if (kind === 'preview') data.delete('comment');
      const res = kind === 'preview' ? await previewAction(null, data) : await saveAction(null, data);
      setResult(res);
      if (res.ok && kind === 'preview') setPreview(res.data as HealthPreview);
      // the page says which version is now active, and the form remounts with it
      if (res.ok && kind === 'save') router.replace(`/${orgSlug}/settings/health?saved=${(res.data as { version: number }).version}`);
    } catch {
      setResult({ ok: false, code: 'INTERNAL', message: 'Could not reach the server. Check your connection and try again.' });
    } finally {
      setPending(null);
    }
  }

  const errors = result && !result.ok ? result.fieldErrors ?? {} : {};
  return (
    <form ref={form} noValidate onSubmit={(e) => { e.preventDefault(); void run('save'); }} className="space-y-6">
      {result && !result.ok ? <Alert tone="error">{result.message}</Alert> : null}
      <fieldset disabled={!canEdit}>
        <legend className="text-sm font-semibold text-gray-900">Weights (0–100 each; shown as their share of the total)</legend>
        <div className="mt-1">
          {healthFactors.map((f) => (
            <FactorRow
              key={f} name={f} label={FACTOR_TEXT[f].label} description={FACTOR_TEXT[f].description}
              value={values[f]} share={share(values[f], total)} disabled={!canEdit} errors={errors[f]}
              onChange={(v) => setValues((old) => ({ ...old, [f]: v }))}
            />
          ))}
        </div>
        <p className="mt-2 text-sm text-gray-700">Total weight {total.toLocaleString('en-US')}: weights are normalized to 100 %.</p>
        <p className="mt-2 text-sm text-gray-700"><span className="font-medium">Missing data: </span>{MISSING_RULE}</p>
      </fieldset>
      <fieldset disabled={!canEdit} className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-gray-900">Bands (whole-number scores)</legend>
        <TextField label="Yellow from (red below this)" name="yellowFrom" type="number" inputMode="numeric" min={1} max={100} defaultValue={bands.yellowFrom} errors={errors.yellowFrom} />
        <TextField label="Green from" name="greenFrom" type="number" inputMode="numeric" min={1} max={100} defaultValue={bands.greenFrom} errors={errors.greenFrom} hint="Must be above where yellow starts." />
      </fieldset>
      {canEdit ? (
        <div className="space-y-4">
          <div className="flex flex-wrap items-center gap-3">
            <Button variant="secondary" disabled={pending !== null} onClick={() => void run('preview')}>{pending === 'preview' ? 'Computing preview…' : 'Preview'}</Button>
            <span className="text-sm text-gray-600">Shows band changes and a 12-month backtest; saves nothing.</span>
          </div>
          {preview ? <PreviewPanel preview={preview} orgSlug={orgSlug} /> : null}
          <div className="flex flex-wrap items-end gap-3">
            <div className="min-w-64 flex-1">
              <TextField label="Comment (why this change)" name="comment" maxLength={500} errors={errors.comment} />
            </div>
            <Button type="submit" disabled={pending !== null}>{pending === 'save' ? 'Saving…' : 'Save as new version'}</Button>
          </div>
        </div>
      ) : (
        <p className="text-sm text-gray-700">Only admins and owners can change the health score. You can read the current weights and bands here.</p>
      )}
    </form>
  );
}
