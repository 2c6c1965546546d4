import { sql } from 'drizzle-orm';
import {
  foreignKey, index, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { surveyKindEnum, surveyStatusEnum } from './enums';
import { accounts, stakeholders } from './accounts';
import { organizations } from './orgs';

/** An NPS, CSAT or CES survey (DESIGN.md "Surveys"). */
export const surveys = pgTable(
  'surveys',
  {
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    kind: surveyKindEnum().notNull(),
    name: text().notNull(),
    question: text().notNull(),
    followUpQuestion: text(),
    /** CSAT topic or CES task label */
    topic: text(),
    status: surveyStatusEnum().notNull().default('draft'),
    /** days a link stays valid after it is sent */
    linkExpiryDays: integer().notNull().default(30),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow().$onUpdate(() => new Date()),
  },
  (t) => [
    primaryKey({ name: 'surveys_pk', columns: [t.orgId, t.id] }),
    // the surveys list, newest first
    index('surveys_created_idx').on(t.orgId, t.createdAt.desc()),
  ],
);

/**
 * One link: per stakeholder, or the survey's anonymous link (stakeholderId and accountId null).
 * Only a hash of the token is stored; tokenHash is unique across orgs because the public page
 * finds the org from the token.
 */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    surveyId: uuid().notNull(),
    accountId: uuid(),
    stakeholderId: uuid(),
    /** the address it was sent to, as it was then */
    email: text(),
    tokenHash: text().notNull(),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }),
    respondedAt: timestamp({ withTimezone: true }),
    /**
     * 'queued' for the background sender (SMTP configured), then 'sent', or 'failed' after its last attempt with the
     * error in deliveryError (a retry keeps the latest error while 'queued'); 'outbox' when no SMTP is configured
     */
    delivery: text().notNull().default('outbox'),
    deliveryError: text(),
    emailAttempts: integer().notNull().default(0),
    /** when a queued email is next due (also the lease of an attempt in progress) */
    nextEmailAt: timestamp({ withTimezone: true }),
    sentBy: uuid(),
  },
  (t) => [
    primaryKey({ name: 'survey_invitations_pk', columns: [t.orgId, t.id] }),
    foreignKey({ name: 'survey_invitations_survey_fk', columns: [t.orgId, t.surveyId], foreignColumns: [surveys.orgId, surveys.id] }).onDelete('cascade'),
    foreignKey({ name: 'survey_invitations_account_fk', columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete('cascade'),
    // the migration narrows both "set null" rules to stakeholder_id: answers outlive a removed stakeholder
    foreignKey({ name: 'survey_invitations_stakeholder_fk', columns: [t.orgId, t.stakeholderId], foreignColumns: [stakeholders.orgId, stakeholders.id] }).onDelete('set null'),
    uniqueIndex('survey_invitations_token_uq').on(t.tokenHash),
    // one link per stakeholder per survey (the anonymous link has no stakeholder: nulls are distinct)
    uniqueIndex('survey_invitations_one_per_stakeholder_uq').on(t.orgId, t.surveyId, t.stakeholderId),
    // a survey's links and counts
    index('survey_invitations_survey_idx').on(t.orgId, t.surveyId, t.sentAt),
    // the background sender's due emails (lib/surveys/email-queue.ts)
    index('survey_invitations_email_due_idx').on(t.orgId, t.nextEmailAt).where(sql`delivery = 'queued'`),
    // the org-wide cooldown: when was this person last asked
    index('survey_invitations_stakeholder_idx').on(t.orgId, t.stakeholderId, t.sentAt),
  ],
);

/**
 * An answer. One per (invitation, respondent): respondentKey is 'invitation' for a stakeholder's link
 * and a hash of the browser's cookie for the anonymous link. accountId and stakeholderId are copied
 * from the invitation (null for anonymous answers, which count in no account's health).
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid().notNull().defaultRandom(),
    surveyId: uuid().notNull(),
    invitationId: uuid().notNull(),
    respondentKey: text().notNull().default('invitation'),
    accountId: uuid(),
    stakeholderId: uuid(),
    score: smallint().notNull(),
    comment: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'survey_responses_pk', columns: [t.orgId, t.id] }),
    foreignKey({ name: 'survey_responses_survey_fk', columns: [t.orgId, t.surveyId], foreignColumns: [surveys.orgId, surveys.id] }).onDelete('cascade'),
    foreignKey({ name: 'survey_responses_invitation_fk', columns: [t.orgId, t.invitationId], foreignColumns: [surveyInvitations.orgId, surveyInvitations.id] }).onDelete('cascade'),
    foreignKey({ name: 'survey_responses_account_fk', columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete('cascade'),
    foreignKey({ name: 'survey_responses_stakeholder_fk', columns: [t.orgId, t.stakeholderId], foreignColumns: [stakeholders.orgId, stakeholders.id] }).onDelete('set null'),
    uniqueIndex('survey_responses_one_per_respondent_uq').on(t.orgId, t.invitationId, t.respondentKey),
    // a survey's results and trend
    index('survey_responses_survey_idx').on(t.orgId, t.surveyId, t.createdAt),
    // org scores over a period
    index('survey_responses_created_idx').on(t.orgId, t.createdAt),
    // an account's answers (account page, health factors over 180 days)
    index('survey_responses_account_idx').on(t.orgId, t.accountId, t.createdAt),
  ],
);

export type Survey = typeof surveys.$inferSelect;
export type SurveyInvitation = typeof surveyInvitations.$inferSelect;
export type SurveyResponse = typeof surveyResponses.$inferSelect;
