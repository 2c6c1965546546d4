import { apiDocument } from '@/lib/api/openapi';

// Reads the generated OpenAPI document into what the reference page shows: the page documents
// exactly what the API validates, because both come from the same zod schemas.

export type JsonSchema = {
  $ref?: string; type?: string; format?: string; pattern?: string; enum?: unknown[]; anyOf?: JsonSchema[]; items?: JsonSchema;
  properties?: Record<string, JsonSchema>; required?: string[]; description?: string; example?: unknown; maxItems?: number;
  minimum?: number; maximum?: number; maxLength?: number;
};

type Operation = {
  summary: string; description?: string; parameters?: { name: string; in: string; required?: boolean; description?: string; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> }; responses: Record<string, { description: string }>;
};

export type Field = { name: string; type: string; required: boolean; description: string | null };
export type Endpoint = {
  id: string; method: string; path: string; summary: string; description: string | null;
  params: Field[]; body: { batchOf: number | null; fields: Field[] } | null; responses: { status: string; description: string }[];
};

const doc = apiDocument() as unknown as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, JsonSchema> } };

const resolve = (s: JsonSchema): JsonSchema => (s.$ref ? doc.components.schemas[s.$ref.split('/').pop()!] : s);

function typeOf(s: JsonSchema): string {
  if (s.$ref) return typeOf(resolve(s));
  if (s.anyOf) return s.anyOf.map(typeOf).join(' or ');
  if (s.enum) return `one of ${s.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  if (s.type === 'array') return `array of ${s.items ? typeOf(s.items) : 'items'}`;
  if (s.format === 'date-time') return 'timestamp (ISO 8601 with zone)';
  if (s.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return 'date (YYYY-MM-DD)';
  if (s.type === 'integer' && s.minimum !== undefined) return `integer ≥ ${s.minimum}`;
  return s.type ?? 'any';
}

const describe = (s: JsonSchema): string | null => s.description ?? s.anyOf?.find((x) => x.description)?.description ?? null;

function fieldsOf(schema: JsonSchema): Field[] {
  const s = resolve(schema);
  return Object.entries(s.properties ?? {}).map(([name, p]) => ({ name, type: typeOf(p), required: s.required?.includes(name) ?? false, description: describe(p) }));
}

/** Every operation of the document, in document order, ready to render. */
export function endpoints(): Endpoint[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => {
    const body = op.requestBody?.content['application/json']?.schema;
    const resolved = body ? resolve(body) : null;
    const items = resolved?.properties?.items;
    return {
      id: `${method}-${path}`.replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, '').toLowerCase(),
      method: method.toUpperCase(), path, summary: op.summary, description: op.description ?? null,
      params: (op.parameters ?? []).map((p) => ({ name: `${p.name} (${p.in})`, type: typeOf(p.schema), required: p.required ?? false, description: p.description ?? describe(p.schema) })),
      body: resolved ? (items?.items ? { batchOf: items.maxItems ?? null, fields: fieldsOf(items.items) } : { batchOf: null, fields: fieldsOf(resolved) }) : null,
      responses: Object.entries(op.responses).map(([status, r]) => ({ status, description: r.description })),
    };
  }));
}
