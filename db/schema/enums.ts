import { pgEnum } from 'drizzle-orm/pg-core';

/** Roles ordered from least to most privileged; see DESIGN.md's permission table. */
export const roleEnum = pgEnum('role', ['viewer', 'csm', 'admin', 'owner']);
export const actorTypeEnum = pgEnum('actor_type', ['user', 'api_key', 'system']);
export const segmentEnum = pgEnum('segment', ['enterprise', 'mid_market', 'smb']);
export const lifecycleStageEnum = pgEnum('lifecycle_stage', ['onboarding', 'adopting', 'mature', 'renewal']);
export const stakeholderRoleEnum = pgEnum('stakeholder_role', [
  'champion',
  'decision_maker',
  'economic_buyer',
  'user',
  'other',
]);
export const influenceEnum = pgEnum('influence', ['low', 'medium', 'high']);
export const sentimentEnum = pgEnum('sentiment', ['positive', 'neutral', 'negative']);

export const ticketPriorityEnum = pgEnum('ticket_priority', ['low', 'normal', 'high', 'urgent']);
export const renewalOutcomeEnum = pgEnum('renewal_outcome', ['pending', 'renewed', 'downgraded', 'churned']);

export type Role = (typeof roleEnum.enumValues)[number];
export type ActorType = (typeof actorTypeEnum.enumValues)[number];

export const surveyKindEnum = pgEnum('survey_kind', ['nps', 'csat', 'ces']);
export const surveyStatusEnum = pgEnum('survey_status', ['draft', 'open', 'closed']);
export const healthBandEnum = pgEnum('health_band', ['red', 'yellow', 'green']);

export type SurveyKind = (typeof surveyKindEnum.enumValues)[number];
export type SurveyStatus = (typeof surveyStatusEnum.enumValues)[number];
export type HealthBandValue = (typeof healthBandEnum.enumValues)[number];
