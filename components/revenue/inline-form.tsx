'use client';

import { useEffect, useRef, useState } from 'react';
import { useFormSubmit } from '@/components/auth/use-form-submit';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/safe-action';

export type FormAction<T = unknown> = (prev: null, f: FormData) => Promise<ActionResult<T>>;
export type FieldErrors = Record<string, string[]>;

type Props = {
  /** the button that opens the form, and the form's heading */
  title: string;
  submitLabel: string;
  /** announced once the action succeeded and the form closed */
  doneMessage: string;
  action: FormAction;
  /** ids the action needs, which the user does not edit */
  hidden: Record<string, string>;
  /** an empty section shows its first form right away, without a Cancel */
  startOpen?: boolean;
  variant?: 'secondary' | 'danger';
  children: (errors: FieldErrors) => React.ReactNode;
};

/**
 * A button that opens a small form in place. The inputs are uncontrolled and never reset on a
 * rejected submit, so what was typed stays; field errors show next to their fields.
 */
export function InlineForm({ title, submitLabel, doneMessage, action, hidden, startOpen = false, variant = 'secondary', children }: Props) {
  const [open, setOpen] = useState(startOpen);
  const [done, setDone] = useState(false);
  // keyboard users land in the form when it opens and back on its button when it closes
  const opened = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  const closedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open && opened.current) formRef.current?.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea')?.focus();
    if (!open && opened.current) closedRef.current?.querySelector('button')?.focus();
  }, [open]);
  const { onSubmit, pending, fieldErrors, error } = useFormSubmit(action, () => {
    setDone(true);
    if (!startOpen) setOpen(false);
  });
  if (!open) {
    return (
      <div ref={closedRef} className="flex flex-wrap items-center gap-3">
        <Button variant={variant} onClick={() => { opened.current = true; setOpen(true); setDone(false); }}>{title}</Button>
        {done ? <p role="status" className="text-sm text-emerald-800">{doneMessage}</p> : null}
      </div>
    );
  }
  // a tampered hidden id comes back as an error of a field the user cannot see: show it on top
  const hiddenError = Object.keys(hidden).map((k) => fieldErrors[k]?.[0]).find(Boolean);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={title} className="w-full space-y-3 rounded-md border border-gray-200 bg-gray-50 p-3">
      <h3 className="text-sm font-semibold text-gray-900">{title}</h3>
      {Object.entries(hidden).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      {error ? <Alert tone="error">{hiddenError ?? error}</Alert> : null}
      {done && startOpen ? <p role="status" className="text-sm text-emerald-800">{doneMessage}</p> : null}
      {children(fieldErrors)}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant={variant === 'danger' ? 'danger' : 'primary'} disabled={pending}>{pending ? 'Saving…' : submitLabel}</Button>
        {startOpen ? null : <Button variant="ghost" onClick={() => setOpen(false)}>Cancel</Button>}
      </div>
    </form>
  );
}
