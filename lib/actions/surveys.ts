'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { sendSurvey } from '@/lib/dal/survey-send';
import { createAnonymousLink, createSurvey, setSurveyStatus } from '@/lib/dal/surveys';
import { createSurveySchema, surveyStatusSchema } from '@/lib/validation/surveys';
import { tenantAction } from './safe-action';

// The DAL parses every input again and checks the role; these only name the page to refresh.

/** Creates a survey; the form then goes to its page. */
export const createSurveyAction = tenantAction(createSurveySchema, async (ctx, input) => {
  const id = await createSurvey(ctx, input);
  revalidatePath(`/${ctx.orgSlug}/surveys`);
  return { id };
}, { minRole: 'csm' });

const statusFormSchema = surveyStatusSchema.extend({ surveyId: z.string() });

/** Opens, closes or reopens a survey. */
export const setSurveyStatusAction = tenantAction(statusFormSchema, async (ctx, { surveyId, status }) => {
  await setSurveyStatus(ctx, surveyId, status);
  revalidatePath(`/${ctx.orgSlug}/surveys`, 'layout');
}, { minRole: 'csm' });

/** Makes (or returns) the survey's anonymous link. */
export const createAnonymousLinkAction = tenantAction(z.object({ surveyId: z.string() }), async (ctx, { surveyId }) => {
  const link = await createAnonymousLink(ctx, surveyId);
  revalidatePath(`/${ctx.orgSlug}/surveys/${surveyId}`);
  return link;
}, { minRole: 'csm' });

// The target fields are checked by the DAL (sendTargetSchema), which puts each error under its field.
const sendFormSchema = z.object({ surveyId: z.string() }).catchall(z.string());

/** Sends the survey to the previewed target; links are emailed after the commit or wait in the outbox. */
export const sendSurveyAction = tenantAction(sendFormSchema, async (ctx, { surveyId, ...target }) => {
  const result = await sendSurvey(ctx, surveyId, target);
  revalidatePath(`/${ctx.orgSlug}/surveys`, 'layout');
  return result;
}, { minRole: 'csm' });
