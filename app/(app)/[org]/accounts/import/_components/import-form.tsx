'use client';

import Link from 'next/link';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import type { ImportKind } from '@/lib/import/columns';
import type { ImportPreview } from '@/lib/import/summary';
import { errorMessage, postForm } from './post-file';
import { PreviewView } from './preview-view';
import { Progress } from './progress';

type Busy = { label: string; percent: number | null };
type Done = { kind: ImportKind; fileName: string; created: number; updated: number; unchanged: number };

const kinds: { value: ImportKind; label: string }[] = [
  { value: 'accounts', label: 'Accounts' },
  { value: 'stakeholders', label: 'Stakeholders' },
];

const n = (v: number) => v.toLocaleString('en-US');
// headings get focus from code only (to announce the outcome); a ring around them reads as a bug
const quietFocus = 'focus:outline-none focus-visible:ring-0 focus-visible:ring-offset-0';
const BLOCKED = 'Fix the errors in your file and upload it again; nothing was imported.';

type Props = { orgSlug: string; templates: Record<ImportKind, string>; help: Record<ImportKind, ReactNode> };

/** Choose a kind and a file, see the server's preview, then import it: upload progress throughout. */
export function ImportForm({ orgSlug, templates, help }: Props) {
  const [kind, setKind] = useState<ImportKind>('accounts');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // move focus to the outcome so keyboard and screen-reader users land on it
  useEffect(() => {
    if (preview || done) heading.current?.focus();
  }, [preview, done]);

  async function send(route: 'preview' | 'commit', f: File, k: ImportKind) {
    const form = new FormData();
    form.set('kind', k);
    form.set('file', f);
    const uploading = `Uploading ${f.name}…`;
    setBusy({ label: uploading, percent: 0 });
    try {
      return await postForm(
        `/${orgSlug}/accounts/import/${route}`,
        form,
        (loaded, total) => setBusy({ label: uploading, percent: total ? Math.round((loaded / total) * 100) : null }),
        () => setBusy({ label: route === 'preview' ? `Validating ${f.name}…` : `Importing ${n(preview?.counts.rows ?? 0)} rows…`, percent: null }),
      );
    } catch {
      setError('Could not reach the server. Check your connection and try again; nothing was imported.');
      return null;
    } finally {
      setBusy(null);
    }
  }

  async function check(f: File | null, k: ImportKind) {
    setPreview(null);
    setDone(null);
    setError(null);
    if (!f) return;
    const res = await send('preview', f, k);
    if (!res) return;
    if (res.status !== 200) return setError(errorMessage(res.body));
    const p = res.body as ImportPreview;
    setPreview(p);
    // let the same file name be chosen again once it is fixed (a file input ignores an unchanged choice)
    if (!p.ready && input.current) input.current.value = '';
  }

  async function commit() {
    if (!file || !preview?.ready) return;
    setError(null);
    const res = await send('commit', file, kind);
    if (!res) return;
    const body = res.body as { ok?: boolean; created: number; updated: number; unchanged: number; preview?: ImportPreview };
    if (res.status === 200 && body?.ok) {
      setPreview(null);
      setDone({ kind, fileName: file.name, created: body.created, updated: body.updated, unchanged: body.unchanged });
      if (input.current) input.current.value = '';
      setFile(null);
      return;
    }
    if (body?.preview) setPreview(body.preview);
    setError(errorMessage(res.body));
  }

  const rows = preview?.counts.rows ?? 0;
  return (
    <div className="space-y-6">
      <Card>
        <div className="grid gap-6 lg:grid-cols-[20rem_1fr]">
          <div className="space-y-4">
            <fieldset disabled={busy !== null}>
              <legend className="text-sm font-medium text-gray-800">What are you importing?</legend>
              <div className="mt-2 flex gap-4">
                {kinds.map((k) => (
                  <label key={k.value} className="flex items-center gap-2 text-sm">
                    <input type="radio" name="kind" value={k.value} checked={kind === k.value} onChange={() => { setKind(k.value); void check(file, k.value); }} />
                    {k.label}
                  </label>
                ))}
              </div>
            </fieldset>
            <div>
              <label htmlFor="import-file" className="block text-sm font-medium text-gray-800">CSV file</label>
              <input
                ref={input}
                id="import-file"
                type="file"
                accept=".csv,text/csv"
                disabled={busy !== null}
                aria-describedby="import-file-hint"
                onChange={(e) => { const f = e.target.files?.[0] ?? null; setFile(f); void check(f, kind); }}
                className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border file:border-gray-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium"
              />
              <p id="import-file-hint" className="mt-1 text-xs text-gray-600">The file is checked as soon as you choose it; nothing is imported yet.</p>
            </div>
            <a
              href={`data:text/csv;charset=utf-8,${encodeURIComponent(templates[kind])}`}
              download={`${kind}-template.csv`}
              className="inline-block text-sm text-blue-700 underline"
            >
              Download the {kind} template (CSV)
            </a>
          </div>
          {/* open until a file is checked, so on a phone the preview is not pushed below the help */}
          <details open={!preview && !done} className="text-sm">
            <summary className="mb-2 cursor-pointer">
              <h2 className="inline text-sm font-semibold text-gray-900">Columns of a{kind === 'accounts' ? 'n account' : ' stakeholder'} file</h2>
            </summary>
            {help[kind]}
          </details>
        </div>
      </Card>

      {busy ? <Progress label={busy.label} percent={busy.percent} /> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}

      {done ? (
        <Card>
          <h2 ref={heading} tabIndex={-1} className={`mb-3 text-base font-semibold text-gray-900 ${quietFocus}`}>Import finished</h2>
          <Alert tone="success">
            Imported {done.fileName}: {n(done.created)} {done.kind} created, {n(done.updated)} updated, {n(done.unchanged)} unchanged.
          </Alert>
          <div className="mt-4 flex flex-wrap gap-3">
            <Link href={`/${orgSlug}/accounts`} className="rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800">Go to the accounts list</Link>
            <Button variant="secondary" onClick={() => setDone(null)}>Import another file</Button>
          </div>
        </Card>
      ) : null}

      {preview ? (
        <section aria-labelledby="preview-heading" className="space-y-4">
          <h2 id="preview-heading" ref={heading} tabIndex={-1} className={`text-lg font-semibold text-gray-900 ${quietFocus}`}>Preview of {file?.name ?? 'your file'}</h2>
          <div className="flex flex-wrap items-center gap-3">
            <Button onClick={commit} disabled={!preview.ready || busy !== null} aria-describedby={preview.ready ? undefined : 'import-blocked'}>
              Import {n(rows)} {rows === 1 ? 'row' : 'rows'}
            </Button>
            {preview.ready
              ? <p className="text-sm text-gray-700">No errors found. Every row is imported in one go, or none is.</p>
              : <p id="import-blocked" role="alert" className="text-sm font-medium text-red-700">{BLOCKED}</p>}
          </div>
          <PreviewView preview={preview} />
        </section>
      ) : null}
    </div>
  );
}
