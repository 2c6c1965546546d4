'use client';

import { useRef, useState } from 'react';
import { useFormSubmit } from '@/components/auth/use-form-submit';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/safe-action';

type Created = { id: string; name: string; prefix: string; key: string; access: 'read_write' | 'read' };

const accessOptions = [
  { value: 'read_write', label: 'Read and write (CRM, billing, product sync)' },
  { value: 'read', label: 'Read only (BI, reporting, exports)' },
];

/** Names and creates a key, then shows it once with a copy button (it is stored only as a hash). */
export function CreateKeyForm({ action }: { action: (prev: null, f: FormData) => Promise<ActionResult<Created>> }) {
  const form = useRef<HTMLFormElement>(null);
  // a created key clears the name, so a second click does not make a twin
  const { onSubmit, pending, fieldErrors, error, result } = useFormSubmit(action, () => form.current?.reset());
  const [copied, setCopied] = useState<string | null>(null);
  const created = result?.ok ? result.data : null;
  async function copy(key: string) {
    try {
      await navigator.clipboard.writeText(key);
      setCopied(key);
    } catch {
      setCopied(null);
    }
  }
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-3" noValidate>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {created ? (
        <Alert tone="success">
          <p className="font-medium">
            {created.access === 'read' ? 'Read-only key' : 'Key'} &ldquo;{created.name}&rdquo; created. Copy it now: you will not see it again.
          </p>
          <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-center">
            <input
              aria-label={`New API key ${created.name}`} readOnly value={created.key} data-testid="new-api-key"
              className="w-full min-w-0 rounded border border-emerald-300 bg-white px-2 py-1 font-mono text-xs sm:flex-1" onFocus={(e) => e.currentTarget.select()}
            />
            <Button variant="secondary" className="self-start sm:self-auto" onClick={() => copy(created.key)}>{copied === created.key ? 'Copied' : 'Copy key'}</Button>
          </div>
        </Alert>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
        <TextField label="Key name" name="name" required maxLength={100} hint="Say which system uses it, e.g. “Salesforce sync”." errors={fieldErrors.name} />
        <SelectField label="Access" name="access" options={accessOptions} defaultValue="read_write" errors={fieldErrors.access} />
        <Button type="submit" className="sm:mt-6" disabled={pending}>{pending ? 'Creating…' : 'Create key'}</Button>
      </div>
    </form>
  );
}
