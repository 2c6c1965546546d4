'use client';

import { useState } from 'react';
import type { ActionResult } from '@/lib/actions/safe-action';

/**
 * Submits a form to a server action without React's automatic form reset, so a rejected form keeps
 * what the user typed. `onOk` runs after a successful result.
 */
export function useFormSubmit<T>(
  action: (prev: null, form: FormData) => Promise<ActionResult<T>>,
  onOk?: (data: T, form: FormData) => Promise<void> | void,
) {
  const [result, setResult] = useState<ActionResult<T> | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    try {
      const res = await action(null, form);
      setResult(res);
      if (res.ok) await onOk?.(res.data, form);
    } catch {
      setResult({ ok: false, code: 'INTERNAL', message: 'Could not reach the server. Check your connection and try again.' });
    } finally {
      setPending(false);
    }
  }

  const fieldErrors = result && !result.ok ? result.fieldErrors ?? {} : {};
  const error = result && !result.ok ? result.message : undefined;
  return { onSubmit, pending, result, fieldErrors, error };
}
