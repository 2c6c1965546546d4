// One runnable curl example per endpoint, keyed "METHOD path" as in the OpenAPI document.
const H = '-H "Authorization: Bearer $TENURE_KEY" -H "Content-Type: application/json"';
const BASE = '$TENURE_URL/api/v1';

export const curlExamples: Record<string, string> = {
  'GET /accounts': `curl -H "Authorization: Bearer $TENURE_KEY" "${BASE}/accounts?limit=100"`,
  'GET /accounts/{externalId}': `curl -H "Authorization: Bearer $TENURE_KEY" ${BASE}/accounts/crm-0042`,
  'PUT /accounts/{externalId}': `curl -X PUT ${H} ${BASE}/accounts/crm-0042 \\
  -d '{"name": "Globex Corporation", "domain": "globex.com", "segment": "enterprise", "licensedSeats": 120, "ownerEmail": "casey@yourcompany.com"}'`,
  'POST /accounts:batch': `curl -X POST ${H} -H "Idempotency-Key: 7d6f0f5e-accounts-2026-03-01" "${BASE}/accounts:batch" \\
  -d '{"items": [{"externalId": "crm-0042", "name": "Globex Corporation"}, {"externalId": "crm-0043", "name": "Initech", "stage": "adopting"}]}'`,
  'PUT /accounts/{externalId}/stakeholders/{stakeholderExternalId}': `curl -X PUT ${H} ${BASE}/accounts/crm-0042/stakeholders/contact-7 \\
  -d '{"name": "Dana Scully", "email": "dana@globex.com", "role": "champion", "isPrimary": true}'`,
  'POST /stakeholders:batch': `curl -X POST ${H} "${BASE}/stakeholders:batch?partial=true" \\
  -d '{"items": [{"accountExternalId": "crm-0042", "externalId": "contact-7", "name": "Dana Scully", "role": "champion"}]}'`,
  'POST /usage': `curl -X POST ${H} -H "Idempotency-Key: usage-2026-03-01T10" ${BASE}/usage \\
  -d '{"items": [{"accountExternalId": "crm-0042", "userKey": "user-981", "occurredAt": "2026-03-01T09:30:00Z", "featureKey": "reports.export", "sessions": 1}]}'`,
  'POST /revenue-changes': `curl -X POST ${H} ${BASE}/revenue-changes \\
  -d '{"items": [{"externalId": "sub_123-2026-03", "accountExternalId": "crm-0042", "effectiveDate": "2026-03-01", "mrr": 150000, "currency": "USD"}]}'`,
  'POST /tickets': `curl -X POST ${H} ${BASE}/tickets \\
  -d '{"items": [{"externalId": "zd-5521", "accountExternalId": "crm-0042", "subject": "Export fails", "priority": "high", "openedAt": "2026-03-01T09:30:00Z"}]}'`,
};
