import { OrgSwitcher } from '@/components/shell/org-switcher';
import { SidebarNav } from '@/components/shell/sidebar-nav';
import { UserMenu } from '@/components/shell/user-menu';
import { getSessionUser } from '@/lib/auth/session';
import { requireTenant } from '@/lib/auth/tenant';
import { listUserOrgs } from '@/lib/dal/users';
import { countOpenAlerts } from '@/lib/dal/alerts';

/** The signed-in app shell. Membership is checked here and again by every page and action. */
export default async function OrgLayout({ children, params }: { children: React.ReactNode; params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org);
  const user = (await getSessionUser())!;
  const orgs = await listUserOrgs(user.id);
  const alertBadge = await countOpenAlerts(ctx);
  return (
    <div className="md:flex md:min-h-screen">
      <aside className="flex flex-col gap-4 border-b border-gray-200 bg-white p-3 md:w-60 md:border-b-0 md:border-r">
        <p className="px-3 text-lg font-bold tracking-tight text-blue-800">Tenure</p>
        <OrgSwitcher current={{ slug: ctx.orgSlug, name: ctx.orgName }} orgs={orgs} />
        <SidebarNav orgSlug={ctx.orgSlug} alertBadge={alertBadge} />
        <div className="md:mt-auto">
          <UserMenu name={user.name} email={user.email} role={ctx.role} />
        </div>
      </aside>
      <main className="min-w-0 flex-1 p-4 md:p-8">{children}</main>
    </div>
  );
}
