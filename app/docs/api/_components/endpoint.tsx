import type { Endpoint, Field } from '../_doc';

function FieldTable({ caption, label, fields }: { caption: string; label: string; fields: Field[] }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={label}>
      <table className="w-full min-w-[36rem] text-left text-sm">
        <caption className="mb-1 text-left text-sm font-semibold text-gray-900">{caption}</caption>
        <thead>
          <tr className="border-b border-gray-200 text-gray-700">
            <th scope="col" className="py-1 pr-3 font-medium">Field</th>
            <th scope="col" className="py-1 pr-3 font-medium">Type</th>
            <th scope="col" className="py-1 pr-3 font-medium">Required</th>
            <th scope="col" className="py-1 font-medium">Notes</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f.name} className="border-b border-gray-100 align-top">
              <td className="py-1 pr-3"><code className="text-gray-900">{f.name}</code></td>
              <td className="py-1 pr-3 text-gray-700">{f.type}</td>
              <td className="py-1 pr-3 text-gray-700">{f.required ? 'yes' : 'no'}</td>
              <td className="py-1 text-gray-700">{f.description ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One operation: what it does, its parameters and body fields, its answers, and a curl example. */
export function EndpointSection({ endpoint: e, example }: { endpoint: Endpoint; example: string | undefined }) {
  return (
    <section id={e.id} aria-labelledby={`${e.id}-h`} className="scroll-mt-4 rounded-lg border border-gray-200 bg-white p-5 shadow-sm">
      <h2 id={`${e.id}-h`} className="text-lg font-semibold text-gray-900">
        <span className="mr-2 rounded bg-gray-900 px-1.5 py-0.5 font-mono text-xs text-white">{e.method}</span>
        <code className="break-all">{e.path}</code>
      </h2>
      <p className="mt-1 font-medium text-gray-900">{e.summary}</p>
      {e.description ? <p className="mt-1 text-sm text-gray-700">{e.description}</p> : null}
      <div className="mt-4 space-y-4">
        {e.params.length ? <FieldTable caption="Parameters" label={`Parameters of ${e.method} ${e.path}`} fields={e.params} /> : null}
        {e.body ? (
          <FieldTable
            caption={e.body.batchOf ? `Body: { "items": [ … ] }, up to ${e.body.batchOf.toLocaleString('en-US')} items, each with` : 'Body fields'}
            label={`Body fields of ${e.method} ${e.path}`} fields={e.body.fields}
          />
        ) : null}
        <div>
          <h3 className="text-sm font-semibold text-gray-900">Responses</h3>
          <ul className="mt-1 space-y-0.5 text-sm text-gray-700">
            {e.responses.map((r) => <li key={r.status}><code className="font-semibold text-gray-900">{r.status}</code> {r.description}</li>)}
          </ul>
        </div>
        {example ? (
          <div>
            <h3 className="text-sm font-semibold text-gray-900">Example</h3>
            <pre tabIndex={0} aria-label={`curl example for ${e.method} ${e.path}`} className="mt-1 overflow-x-auto rounded bg-gray-900 p-3 text-xs text-gray-50"><code>{example}</code></pre>
          </div>
        ) : null}
      </div>
    </section>
  );
}
