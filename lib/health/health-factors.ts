// Pure: the gathered inputs of one (account, day) → factor values 0–100 (null = missing) → a score with lib/kpi.
// No db/ imports, so it is unit-tested without a database.
import {
  cesFactor, csatFactor, featureAdoptionFactor, licenseUtilizationFactor, npsFactor, relationshipFactor,
  scoreFromFactors, supportFactor, usageFrequency, usageTrend,
  type HealthBands, type HealthFactor, type HealthScore, type HealthWeights,
} from '@/lib/kpi/health';
import { nps } from '@/lib/kpi/surveys';
import type { HealthInputs } from './inputs';

/** The config a score is computed with: admin weights 0–100, band thresholds, and its version (0 = the defaults). */
export type ActiveHealthConfig = { version: number; weights: HealthWeights; bands: HealthBands };

/**
 * Factor values 0–100 per DESIGN.md's table. An org that has sent no usage yet has no source for the three
 * usage-based factors (frequency, utilization, adoption) nor the trend; an org that never received a ticket has no
 * support factor; an account without stakeholders has no relationship factor.
 */
export function factorValues(i: HealthInputs): Record<HealthFactor, number | null> {
  const usage = i.hasUsage;
  const npsScore = nps({ promoters: i.npsPromoters, passives: i.npsN - i.npsPromoters - i.npsDetractors, detractors: i.npsDetractors });
  return {
    usageFrequency: usage ? usageFrequency(i.activeDays28) : null,
    licenseUtilization: usage ? licenseUtilizationFactor(i.users30, i.seats) : null,
    featureAdoption: usage ? featureAdoptionFactor(i.featuresUsed30, i.trackedFeatures) : null,
    usageTrend: usage ? usageTrend(i.users30, i.usersPrev30) : null,
    nps: npsFactor(npsScore ? npsScore.score : null),
    csat: csatFactor(i.csatN === 0 ? null : (i.csatSatisfied * 100) / i.csatN),
    ces: cesFactor(i.cesN === 0 ? null : i.cesSum / i.cesN),
    support: i.hasTickets ? supportFactor(i.openTickets, i.openHighTickets) : null,
    relationship: i.stakeholders === 0 ? null : relationshipFactor(i),
  };
}

/** One account's score row for a day under a config. */
export type ScoredRow = { accountId: string; day: string; configVersion: number } & HealthScore;

/** Inputs → scores under the config (lib/kpi does the arithmetic). */
export function scoreInputs(inputs: readonly HealthInputs[], config: ActiveHealthConfig): ScoredRow[] {
  return inputs.map((i) => ({
    accountId: i.accountId,
    day: i.day,
    configVersion: config.version,
    ...scoreFromFactors(factorValues(i), config.weights, config.bands),
  }));
}
