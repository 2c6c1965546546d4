import { useId, type InputHTMLAttributes, type SelectHTMLAttributes } from 'react';

type FieldProps = { label: string; name: string; errors?: string[]; hint?: string };

const control = 'mt-1 block w-full rounded-md border px-3 py-2 text-sm shadow-sm focus:border-blue-700';

function Messages({ id, errors, hint }: { id: string; errors?: string[]; hint?: string }) {
  return (
    <>
      {hint && !errors?.length ? <p id={`${id}-hint`} className="mt-1 text-xs text-gray-600">{hint}</p> : null}
      {errors?.length ? <p id={`${id}-error`} className="mt-1 text-sm text-red-700">{errors[0]}</p> : null}
    </>
  );
}

/** A labelled text input with its field error under it (announced through aria-describedby). */
export function TextField({ label, name, errors, hint, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const invalid = Boolean(errors?.length);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-gray-800">{label}</label>
      <input
        id={id}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : hint ? `${id}-hint` : undefined}
        className={`${control} ${invalid ? 'border-red-500' : 'border-gray-300'}`}
        {...input}
      />
      <Messages id={id} errors={errors} hint={hint} />
    </div>
  );
}

/** A labelled select with its field error under it. */
export function SelectField({ label, name, errors, hint, options, ...select }: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }) {
  const id = useId();
  const invalid = Boolean(errors?.length);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-gray-800">{label}</label>
      <select id={id} name={name} aria-invalid={invalid || undefined} aria-describedby={invalid ? `${id}-error` : undefined} className={`${control} bg-white ${invalid ? 'border-red-500' : 'border-gray-300'}`} {...select}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      <Messages id={id} errors={errors} hint={hint} />
    </div>
  );
}
