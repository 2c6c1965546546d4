import type { Metadata } from 'next';
import { AddStakeholder } from '@/components/stakeholders/add-stakeholder';
import { Card } from '@/components/ui/card';
import { addNoteAction, deleteNoteAction, editNoteAction } from '@/lib/actions/notes';
import {
  createStakeholderAction, deleteStakeholderAction, logContactAction, markBackAction, markLeftAction, updateStakeholderAction,
} from '@/lib/actions/stakeholders';
import { hasRole } from '@/lib/auth/roles';
import { requireTenant } from '@/lib/auth/tenant';
import { getAccount } from '@/lib/dal/accounts';
import { listAccountEvents } from '@/lib/dal/events';
import { orgToday } from '@/lib/dal/notes';
import { getRelationshipSummary } from '@/lib/dal/relationship';
import { listStakeholders } from '@/lib/dal/stakeholders';
import { found } from '@/lib/found';
import { timelineParamsSchema } from '@/lib/validation/notes';
import { AccountHeader } from './_components/account-header';
import { AlertsSection } from './_components/alerts-section';
import { HealthSection } from './_components/health-section';
import { NoteForm } from './_components/note-form';
import { RelationshipCard } from './_components/relationship-card';
import { RenewalsSection } from './_components/renewals-section';
import { RevenueSection } from './_components/revenue-section';
import { StakeholderList } from './_components/stakeholder-list';
import { TicketsSection } from './_components/tickets-section';
import { SurveyAnswersSection } from './_components/survey-answers-section';
import { UsageSection } from './_components/usage-section';
import { Timeline } from './_components/timeline';

export const metadata: Metadata = { title: 'Account' };

const TIMELINE_PAGE = 25;

type Props = { params: Promise<{ org: string; accountId: string }>; searchParams: Promise<Record<string, string | string[]>> };

export default async function AccountPage({ params, searchParams }: Props) {
  const { org, accountId } = await params;
  const query = await searchParams;
  const { before } = timelineParamsSchema.parse(query);
  const ctx = await requireTenant(org);
  const account = await found(getAccount(ctx, accountId));
  const canEdit = hasRole(ctx.role, 'csm');
  const [people, relationship, timeline, today] = await Promise.all([
    listStakeholders(ctx, accountId),
    getRelationshipSummary(ctx, accountId),
    listAccountEvents(ctx, accountId, TIMELINE_PAGE, before),
    canEdit ? orgToday(ctx) : null,
  ]);
  const slug = ctx.orgSlug;
  const here = `/${slug}/accounts/${accountId}`;
  const last = timeline.events.at(-1);
  const actions = canEdit ? {
    update: updateStakeholderAction.bind(null, slug), remove: deleteStakeholderAction.bind(null, slug), logContact: logContactAction.bind(null, slug),
    markLeft: markLeftAction.bind(null, slug), markBack: markBackAction.bind(null, slug),
  } : undefined;
  return (
    <>
      <AccountHeader account={account} orgSlug={slug} role={ctx.role} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-5">
        <div className="space-y-6 lg:col-span-3">
          <AlertsSection ctx={ctx} accountId={accountId} />
          <HealthSection ctx={ctx} accountId={accountId} />
          <RevenueSection ctx={ctx} accountId={accountId} today={today} query={query} />
          <RenewalsSection ctx={ctx} accountId={accountId} />
          <UsageSection ctx={ctx} accountId={accountId} />
          <RelationshipCard summary={relationship} />
          <Card title={`Stakeholders (${people.length})`}>
            {canEdit ? <AddStakeholder accountId={accountId} action={createStakeholderAction.bind(null, slug)} /> : null}
            <StakeholderList people={people} actions={actions} />
          </Card>
          <TicketsSection ctx={ctx} accountId={accountId} />
          <SurveyAnswersSection ctx={ctx} accountId={accountId} />
        </div>
        <div className="space-y-6 lg:col-span-2">
          {canEdit && today ? <Card title="Add a note"><NoteForm accountId={accountId} today={today} action={addNoteAction.bind(null, slug)} /></Card> : null}
          <section id="timeline" aria-labelledby="timeline-heading" className="rounded-lg border border-gray-200 bg-white p-5 shadow-sm">
            <h2 id="timeline-heading" className="mb-3 text-base font-semibold text-gray-900">Timeline</h2>
            <Timeline
              page={timeline}
              olderHref={timeline.hasMore && last ? `${here}?before=${last.id}#timeline` : null}
              newestHref={before ? `${here}#timeline` : null}
              noteActions={canEdit ? { edit: editNoteAction.bind(null, slug), remove: deleteNoteAction.bind(null, slug) } : undefined}
              today={today ?? undefined}
            />
          </section>
        </div>
      </div>
    </>
  );
}
