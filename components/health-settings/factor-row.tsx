'use client';

import { useId } from 'react';

type Props = {
  name: string;
  label: string;
  description: string;
  value: string;
  /** this factor's share of the total, e.g. "20.0 %" */
  share: string;
  disabled: boolean;
  errors?: string[];
  onChange: (value: string) => void;
};

/** One factor: a slider and a number input (0–100) bound to the same weight, with its normalized share. */
export function FactorRow({ name, label, description, value, share, disabled, errors, onChange }: Props) {
  const id = useId();
  const invalid = Boolean(errors?.length);
  const slider = Number.isFinite(Number(value)) && value !== '' ? Math.min(100, Math.max(0, Number(value))) : 0;
  return (
    <div className="grid gap-x-4 gap-y-1 border-b border-gray-100 py-3 sm:grid-cols-[1fr_auto] sm:items-center">
      <div className="min-w-0">
        <label id={`${id}-label`} htmlFor={`${id}-number`} className="block text-sm font-medium text-gray-900">{label}</label>
        <p id={`${id}-desc`} className="text-xs text-gray-600">{description}</p>
      </div>
      <div className="flex items-center gap-3">
        <input
          type="range" min={0} max={100} step={1} value={slider} disabled={disabled}
          aria-labelledby={`${id}-label`} aria-describedby={`${id}-desc`}
          onChange={(e) => onChange(e.target.value)}
          className="min-w-0 flex-1 accent-blue-700 disabled:opacity-50 sm:w-48 sm:flex-none"
        />
        <input
          id={`${id}-number`} name={name} type="number" inputMode="numeric" min={0} max={100} step={1} value={value} disabled={disabled}
          aria-invalid={invalid || undefined} aria-describedby={invalid ? `${id}-error` : `${id}-desc`}
          onChange={(e) => onChange(e.target.value)}
          className={`w-20 rounded-md border px-2 py-1 text-sm shadow-sm disabled:bg-gray-100 ${invalid ? 'border-red-500' : 'border-gray-300'}`}
        />
        <p className="w-16 text-right text-sm tabular-nums text-gray-800">
          <span className="sr-only">{label} share: </span>{share}
        </p>
      </div>
      {invalid ? <p id={`${id}-error`} className="text-sm text-red-700 sm:col-span-2">{errors![0]}</p> : null}
    </div>
  );
}
