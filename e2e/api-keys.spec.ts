import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { shot, signIn, unique } from './helpers';

test('an admin creates an API key, sees it once, uses it, revokes it, and the next call is 401', async ({ page, request }) => {
  const name = `E2E sync ${unique()}`;
  const externalId = `e2e-${unique()}`;
  await signIn(page, 'admin@demo.test');
  await page.goto('/demo/settings');
  await page.getByRole('link', { name: 'Manage API keys' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'API keys' })).toBeVisible();

  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByText('Enter a name, e.g. the system that will use the key.')).toBeVisible();
  await page.getByLabel('Key name').fill(name);
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByText(`Key “${name}” created. Copy it now: you will not see it again.`)).toBeVisible();
  const key = await page.getByTestId('new-api-key').inputValue();
  expect(key).toMatch(/^tnr_[A-Za-z0-9_-]{43}$/);
  const row = page.getByRole('listitem').filter({ hasText: name });
  await expect(row).toContainText(`${key.slice(0, 12)}…`);
  await expect(row).toContainText('never used');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await shot(page, 'api-keys');

  const auth = { Authorization: `Bearer ${key}` };
  const put = await request.put(`/api/v1/accounts/${externalId}`, { headers: auth, data: { name: 'Made by E2E', licensedSeats: 12 } });
  expect(put.status()).toBe(201);
  const batch = await request.post('/api/v1/accounts:batch', { headers: auth, data: { items: [{ externalId: `${externalId}-b`, name: 'Batch one' }] } });
  expect(batch.status()).toBe(200);
  expect(await batch.json()).toMatchObject({ created: 1, failed: 0 });
  const get = await request.get(`/api/v1/accounts/${externalId}`, { headers: auth });
  expect(get.status()).toBe(200);
  expect(await get.json()).toMatchObject({ externalId, name: 'Made by E2E', licensedSeats: 12, kpis: { activeUsers30d: 0 } });

  await page.reload();
  await expect(row).toContainText('last used');
  page.once('dialog', (d) => d.accept());
  await row.getByRole('button', { name: `Revoke the key ${name}` }).click();
  await expect(row).toContainText('Revoked');
  const after = await request.get(`/api/v1/accounts/${externalId}`, { headers: auth });
  expect(after.status()).toBe(401);
  expect((await after.json()).error.code).toBe('UNAUTHENTICATED');
});

test('an admin creates a read-only key: it reads, and its writes are refused with 403', async ({ page, request }) => {
  const name = `E2E BI ${unique()}`;
  await signIn(page, 'admin@demo.test');
  await page.goto('/demo/settings/api');
  await page.getByLabel('Key name').fill(name);
  await page.getByLabel('Access').selectOption('read');
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByText(`Read-only key “${name}” created. Copy it now: you will not see it again.`)).toBeVisible();
  const key = await page.getByTestId('new-api-key').inputValue();
  await expect(page.getByRole('listitem').filter({ hasText: name })).toContainText('Read only');
  const auth = { Authorization: `Bearer ${key}` };
  const list = await request.get('/api/v1/accounts?limit=5', { headers: auth });
  expect(list.status()).toBe(200);
  expect((await list.json()).data.length).toBeGreaterThan(0);
  const put = await request.put(`/api/v1/accounts/e2e-ro-${unique()}`, { headers: auth, data: { name: 'Must not exist' } });
  expect(put.status()).toBe(403);
  expect((await put.json()).error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/^This API key can only read\./) });
});

test('a CSM sees that only admins manage keys', async ({ page }) => {
  await signIn(page, 'csm@demo.test');
  await page.goto('/demo/settings/api');
  await expect(page.getByRole('heading', { name: 'Only admins can manage API keys' })).toBeVisible();
});

test('the API reference is public, lists every endpoint with a curl example, and passes axe', async ({ page, request }) => {
  await page.goto('/docs/api');
  await expect(page.getByRole('heading', { level: 1, name: 'API reference' })).toBeVisible();
  for (const op of ['GET /accounts', 'PUT /accounts/{externalId}', 'POST /accounts:batch', 'POST /stakeholders:batch', 'POST /usage', 'POST /revenue-changes', 'POST /tickets']) {
    await expect(page.getByRole('navigation', { name: 'Endpoints' }).getByText(op, { exact: true })).toBeVisible();
  }
  await expect(page.getByLabel('curl example for POST /usage')).toContainText('Idempotency-Key');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await shot(page, 'api-docs');
  const doc = await request.get('/api/v1/openapi.json');
  expect(doc.status()).toBe(200);
  expect((await doc.json()).openapi).toMatch(/^3\.1\./);
  const unknown = await request.get('/api/v1/nothing-here');
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error.code).toBe('NOT_FOUND');
});
