import type { Metadata } from 'next';
import Link from 'next/link';
import { curlExamples } from './_examples';
import { EndpointSection } from './_components/endpoint';
import { endpoints } from './_doc';

export const metadata: Metadata = { title: 'API reference' };
export const dynamic = 'force-static';

const code = 'rounded bg-gray-100 px-1 text-gray-900';

/** Public reference of /api/v1, rendered on the server from the OpenAPI document. */
export default function ApiReferencePage() {
  const list = endpoints();
  return (
    <main className="mx-auto max-w-4xl space-y-6 px-4 py-8">
      <header>
        <p className="text-sm"><Link href="/" className="text-blue-700 underline">Tenure</Link></p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-gray-900">API reference</h1>
        <p className="mt-2 text-sm text-gray-700">
          Push accounts, stakeholders, usage events, revenue changes and tickets from your own systems. The machine-readable
          OpenAPI 3.1 document is at <a href="/api/v1/openapi.json" className="text-blue-700 underline">/api/v1/openapi.json</a>.
        </p>
      </header>
      <section aria-labelledby="basics" className="space-y-2 rounded-lg border border-gray-200 bg-white p-5 text-sm text-gray-700 shadow-sm">
        <h2 id="basics" className="text-lg font-semibold text-gray-900">Basics</h2>
        <p><strong>Keys.</strong> An admin creates a key under Settings → API keys. Send it as <code className={code}>Authorization: Bearer tnr_…</code>. A key belongs to one org and sees only that org; a revoked key gets 401. A read-only key (for BI and exports) gets 403 on every write.</p>
        <p><strong>External ids.</strong> Records are matched by your system&apos;s id (<code className={code}>externalId</code>), unique per org. A PUT or batch item creates the record or updates the fields you send; fields you leave out keep their value and <code className={code}>null</code> clears one.</p>
        <p><strong>Batches</strong> are all-or-nothing: one bad item fails the call with 400, and <code className={code}>error.details</code> lists each item&apos;s <code className={code}>index</code>, <code className={code}>field</code> and <code className={code}>message</code>. Add <code className={code}>?partial=true</code> to write the valid items and get the others back in <code className={code}>errors</code>.</p>
        <p><strong>Retries.</strong> Send an <code className={code}>Idempotency-Key</code> header (a UUID) with a write: repeating the same request within 24 hours returns the first answer without writing again; the same key with a different request is 409. After 24 hours a key is forgotten.</p>
        <p><strong>Limits.</strong> Bodies up to 5 MB (413 above); 1,000 items per batch, 10,000 usage events per call; 600 requests a minute per key (429 with <code className={code}>Retry-After</code>).</p>
        <p><strong>Errors</strong> always look like <code className={code}>{'{ "error": { "code", "message", "details" } }'}</code> with status 400, 401, 403, 404, 409, 413, 429 or 500.</p>
      </section>
      <nav aria-label="Endpoints" className="rounded-lg border border-gray-200 bg-white p-5 shadow-sm">
        <h2 className="text-lg font-semibold text-gray-900">Endpoints</h2>
        <ul className="mt-2 space-y-1 text-sm">
          {list.map((e) => <li key={e.id}><a href={`#${e.id}`} className="text-blue-700 underline"><span className="break-all font-mono">{e.method} {e.path}</span></a> · {e.summary}</li>)}
        </ul>
      </nav>
      {list.map((e) => <EndpointSection key={e.id} endpoint={e} example={curlExamples[`${e.method} ${e.path}`]} />)}
    </main>
  );
}
