import crypto from 'node:crypto';
import { authSecret } from '@/lib/auth/secret';
import { hashToken } from '@/lib/auth/tokens';

/**
 * A survey link's token: 128 bits of HMAC-SHA256(server secret, invitation id). The database keeps only
 * its SHA-256 (hashToken), as for every other token; deriving it from the secret lets the server show a
 * link again (the outbox, "copy links" when no SMTP is configured) without ever storing it. Without the
 * secret a token cannot be guessed from the invitation id (a random uuid) or from the stored hash.
 */
export function surveyToken(invitationId: string): string {
  return crypto.createHmac('sha256', authSecret()).update(`survey-invitation:${invitationId}`).digest().subarray(0, 16).toString('base64url');
}

/** What survey_invitations.token_hash holds for an invitation id. */
export const surveyTokenHash = (invitationId: string) => hashToken(surveyToken(invitationId));

/** The public path of an invitation's link (the page prefixes the origin). */
export const surveyPath = (invitationId: string) => `/s/${surveyToken(invitationId)}`;

export { hashToken as hashSurveyToken };
