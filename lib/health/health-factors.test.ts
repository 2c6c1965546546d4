import { describe, expect, it } from 'vitest';
import { defaultHealthBands, defaultHealthWeights } from '@/lib/kpi/health';
import { factorValues, scoreInputs } from './health-factors';
import type { HealthInputs } from './inputs';

const base: HealthInputs = {
  accountId: 'a', day: '2026-03-15', seats: 10, hasUsage: true, activeDays28: 11, users30: 2, usersPrev30: 2,
  trackedFeatures: 4, featuresUsed30: 2, npsN: 3, npsPromoters: 2, npsDetractors: 1, csatN: 2, csatSatisfied: 1,
  cesN: 2, cesSum: 11, hasTickets: true, openTickets: 2, openHighTickets: 1, stakeholders: 3, championPresent: true,
  championOrBuyerContacted60d: true, stakeholdersContacted90d: 2, championLeft90d: true,
};

describe('factorValues', () => {
  it('maps every input to its factor (the worked example of the integration test)', () => {
    expect(factorValues(base)).toEqual({
      usageFrequency: 55, licenseUtilization: 20, featureAdoption: 50, usageTrend: 50,
      nps: (100 / 3 + 100) / 2, csat: 50, ces: 75, support: 45, relationship: 60,
    });
    const [row] = scoreInputs([base], { version: 0, weights: defaultHealthWeights, bands: defaultHealthBands });
    expect(row.unrounded).toBeCloseTo(50.75, 10);
    expect(row).toMatchObject({ score: 51, band: 'yellow', missing: [], configVersion: 0, accountId: 'a', day: '2026-03-15' });
  });

  it.each([
    ['no usage in the org', { hasUsage: false }, ['usageFrequency', 'licenseUtilization', 'featureAdoption', 'usageTrend']],
    ['no seat count', { seats: null }, ['licenseUtilization']],
    ['nothing tracked', { trackedFeatures: 0, featuresUsed30: 0 }, ['featureAdoption']],
    ['nobody active in the 30 days before', { usersPrev30: 0 }, ['usageTrend']],
    ['no answers', { npsN: 0, npsPromoters: 0, npsDetractors: 0, csatN: 0, csatSatisfied: 0, cesN: 0, cesSum: 0 }, ['nps', 'csat', 'ces']],
    ['never a ticket in the org', { hasTickets: false, openTickets: 0, openHighTickets: 0 }, ['support']],
    ['no stakeholders', { stakeholders: 0 }, ['relationship']],
  ] as const)('%s → missing %j', (_name, patch, missing) => {
    const values = factorValues({ ...base, ...patch });
    expect(Object.entries(values).filter(([, v]) => v === null).map(([k]) => k).sort()).toEqual([...missing].sort());
  });

  it('zero activity in an org that sends usage is a 0, not a gap', () => {
    expect(factorValues({ ...base, activeDays28: 0, users30: 0, featuresUsed30: 0 })).toMatchObject({
      usageFrequency: 0, licenseUtilization: 0, featureAdoption: 0, usageTrend: 0,
    });
  });
});
