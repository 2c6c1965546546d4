/**
 * Whether a session that signed in at `authAt` (ms, from the JWT) still counts for a user whose sessions before
 * `validFrom` were voided (a password reset). A token without a sign-in time predates the claim: it counts only
 * while nothing was voided.
 */
export function sessionStillValid(authAt: number | undefined, validFrom: Date | null): boolean {
  if (validFrom === null) return true;
  return typeof authAt === 'number' && Number.isFinite(authAt) && authAt >= validFrom.getTime();
}
