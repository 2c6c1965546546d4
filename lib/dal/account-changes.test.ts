import { describe, expect, it } from 'vitest';
import { describeAccountChanges, type AccountState } from './account-changes';

const before: AccountState = {
  name: 'Acme', domain: 'acme.io', externalId: null, ownerId: 'u1', segment: 'smb', stage: 'onboarding',
  licensedSeats: null, contractStart: '2026-03-17', nextRenewalDate: '2027-03-17',
};
const names = (id: string | null) => (id === 'u1' ? 'Casey Morgan' : id === 'u2' ? 'Jordan Patel' : 'Unassigned');

describe('describeAccountChanges', () => {
  it.each([
    [{ ownerId: 'u2' }, 'owner.changed', 'Owner changed from Casey Morgan to Jordan Patel', { from: 'u1', to: 'u2' }],
    [{ ownerId: null }, 'owner.changed', 'Owner changed from Casey Morgan to Unassigned', { from: 'u1', to: null }],
    [{ stage: 'mature' }, 'stage.changed', 'Stage changed from Onboarding to Mature', { from: 'onboarding', to: 'mature' }],
    [{ licensedSeats: 40 }, 'seats.changed', 'Licensed seats set to 40', { from: null, to: 40 }],
    [{ segment: 'mid_market' }, 'account.updated', 'Segment changed from SMB to Mid-market', { field: 'segment', from: 'smb', to: 'mid_market' }],
    [{ nextRenewalDate: '2027-04-01' }, 'account.updated', 'Renewal date changed from 2027-03-17 to 2027-04-01', { field: 'nextRenewalDate', from: '2027-03-17', to: '2027-04-01' }],
    [{ contractStart: null }, 'account.updated', 'Contract start cleared (was 2026-03-17)', { field: 'contractStart', from: '2026-03-17', to: null }],
    [{ externalId: 'CRM-7' }, 'account.updated', 'External id set to CRM-7', { field: 'externalId', from: null, to: 'CRM-7' }],
  ] as const)('%o -> %s', (after, kind, summary, data) => {
    expect(describeAccountChanges(before, after as Partial<AccountState>, names)).toEqual([{ kind, summary, data }]);
  });

  it('ignores fields that did not change or were not given, and orders owner, stage, seats first', () => {
    expect(describeAccountChanges(before, { name: 'Acme', domain: undefined }, names)).toEqual([]);
    const kinds = describeAccountChanges(before, { nextRenewalDate: '2028-01-01', licensedSeats: 3, ownerId: 'u2', stage: 'adopting' }, names).map((e) => e.kind);
    expect(kinds).toEqual(['owner.changed', 'stage.changed', 'seats.changed', 'account.updated']);
  });
});
