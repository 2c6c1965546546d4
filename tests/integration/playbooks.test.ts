import dns from 'node:dns';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { auditLog, playbooks } from '@/db/schema';
import { createPlaybookAction, togglePlaybookAction } from '@/lib/actions/playbooks';
import { createPlaybook, getPlaybook, listPlaybooks, setPlaybookEnabled, updatePlaybook } from '@/lib/dal/playbooks';
import { todayIn } from '@/lib/kpi/period';
import { playbookSchema } from '@/lib/validation/playbooks';
import { expectAppError, makeAccount, makeOrg } from './fixtures';
import { alertsOf, setHealth } from './playbooks-fixtures';
import { form, signIn } from './session';

vi.mock('@/lib/auth/session', () => import('./session'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

// No network in tests: hooks.example.com resolves to a public documentation-free address, internal.example.com to a private one.
let spy: ReturnType<typeof vi.spyOn>;
beforeAll(() => {
  spy = vi.spyOn(dns.promises, 'lookup').mockImplementation((async (host: string) =>
    [{ address: host === 'internal.example.com' ? '10.20.30.40' : '93.184.216.34', family: 4 }]) as never);
});
afterAll(() => spy.mockRestore());

const input = (over: Record<string, string> = {}) => playbookSchema.parse({
  name: 'At risk', trigger: 'health_below', threshold: '40', priority: 'high', assignee: 'owner', webhookUrl: '', ...over,
});

describe('playbook settings', () => {
  it('validates each trigger\'s parameters and keeps only those', () => {
    expect(input({ trigger: 'health_drop', points: '15', days: '14', threshold: '40' })).toMatchObject({ trigger: 'health_drop', params: { points: 15, days: 14 }, assigneeId: null, notifyEmail: false, webhookUrl: null });
    const bad = playbookSchema.safeParse({ name: '', trigger: 'health_drop', points: '0', priority: 'high', webhookUrl: 'ftp://x' });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['days', 'name', 'points', 'webhookUrl']);
    const params = playbookSchema.safeParse({ name: 'x', trigger: 'health_drop', points: '0', priority: 'high' });
    expect(params.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['points', 'Use 1 to 100 points.'], ['days', 'Enter within (days).']]);
  });

  it('admins create (it runs at once), edit and disable; the audit log never holds the webhook URL', async () => {
    const t = await makeOrg();
    const admin = await t.ctx('admin');
    const acc = await makeAccount(t.org.id, { ownerId: t.users.csm.id });
    await setHealth(t.org.id, acc.id, todayIn('UTC'), 31);
    const id = await createPlaybook(admin, input({ webhookUrl: 'https://hooks.example.com/services/T0/B0/secret' }));
    expect((await alertsOf(t.org.id, acc.id)).map((a) => a.reason)).toEqual(['Health is 31, below 40']);
    await updatePlaybook(admin, id, input({ name: 'Renamed', threshold: '30', assignee: t.users.csm.id }));
    await setPlaybookEnabled(admin, id, false);
    const got = await getPlaybook(admin, id);
    expect(got).toMatchObject({ name: 'Renamed', params: { threshold: 30 }, assigneeId: t.users.csm.id, assigneeName: t.users.csm.name, enabled: false, openAlerts: 1, webhookUrl: null });
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.orgId, t.org.id), eq(auditLog.entityId, id)));
    expect(audit.map((a) => a.action).sort()).toEqual(['playbook.created', 'playbook.disabled', 'playbook.updated']);
    expect(JSON.stringify(audit)).not.toContain('secret');
    // CSMs read the list but not the URL
    await updatePlaybook(admin, id, input({ webhookUrl: 'https://hooks.example.com/services/T0/B0/secret' }));
    const [forCsm] = await listPlaybooks(await t.ctx('csm'));
    expect(forCsm).toMatchObject({ id, webhookUrl: null, hasWebhook: true });
    expect((await listPlaybooks(admin))[0].webhookUrl).toBe('https://hooks.example.com/services/T0/B0/secret');
  });

  it('refuses private webhook addresses and assignees who cannot act, next to the field', async () => {
    const t = await makeOrg();
    const admin = await t.ctx('admin');
    for (const url of ['http://127.0.0.1:9000/x', 'http://localhost/x', 'https://internal.example.com/x', 'http://[::1]/x']) {
      const err = await expectAppError(createPlaybook(admin, input({ webhookUrl: url })), 'VALIDATION');
      expect(err.fieldErrors?.webhookUrl?.[0]).toMatch(/loopback or private address/);
    }
    const err = await expectAppError(createPlaybook(admin, input({ assignee: t.users.viewer.id })), 'VALIDATION');
    expect(err.fieldErrors).toEqual({ assignee: ['Choose a CSM, admin or owner of this org.'] });
    expect(await db.select().from(playbooks).where(eq(playbooks.orgId, t.org.id))).toEqual([]);
  });

  it('CSMs and viewers cannot change playbooks; another org gets NOT_FOUND', async () => {
    const t = await makeOrg();
    const other = await makeOrg();
    const id = await createPlaybook(await t.ctx('owner'), input());
    await expectAppError(createPlaybook(await t.ctx('csm'), input()), 'FORBIDDEN');
    await expectAppError(setPlaybookEnabled(await t.ctx('csm'), id, false), 'FORBIDDEN');
    const stranger = await other.ctx('owner');
    await expectAppError(getPlaybook(stranger, id), 'NOT_FOUND');
    await expectAppError(updatePlaybook(stranger, id, input({ name: 'Hijacked' })), 'NOT_FOUND');
    await expectAppError(setPlaybookEnabled(stranger, id, false), 'NOT_FOUND');
    await expectAppError(getPlaybook(stranger, 'junk'), 'NOT_FOUND');
    expect(await listPlaybooks(stranger)).toEqual([]);
    const [row] = await db.select().from(playbooks).where(eq(playbooks.id, id));
    expect(row).toMatchObject({ name: 'At risk', enabled: true });

    signIn(t.users.csm);
    expect(await togglePlaybookAction(t.org.slug, null, form({ playbookId: id, enabled: 'false' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    signIn(t.users.admin);
    const res = await createPlaybookAction(t.org.slug, null, form({ name: 'x', trigger: 'usage_drop', percent: '150', priority: 'low', assignee: 'owner' }));
    expect(res).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { percent: ['Use 1 to 100 %.'] } });
  });
});
