import { lifecycleStageEnum, segmentEnum } from '@/db/schema/enums';
import { accountFieldsSchema, RENEWAL_BEFORE_START } from '@/lib/validation/accounts';
import type { HeaderMap } from './columns';
import type { CsvRecord } from './csv';
import { parseEnum, parseWith, validateRecord, type FieldSpec, type ValidatedRow } from './cells';

type Segment = (typeof segmentEnum.enumValues)[number];
type Stage = (typeof lifecycleStageEnum.enumValues)[number];

/** The fields one CSV row sets on an account; absent = the cell was blank (keep the current value). */
export type AccountValues = {
  name: string;
  domain: string;
  externalId: string;
  ownerId: string;
  segment: Segment;
  stage: Stage;
  licensedSeats: number;
  contractStart: string;
  nextRenewalDate: string;
};

export type AccountRow = ValidatedRow<Partial<AccountValues>>;

const shape = accountFieldsSchema.shape;

/** owner_email is looked up among the org's members (lower-cased email -> user id). */
function specs(members: ReadonlyMap<string, string>): FieldSpec<AccountValues>[] {
  return [
    { column: 'name', field: 'name', parse: (c) => parseWith(shape.name, c, 'Enter a name.') },
    // the shared schema lower-cases the domain and reduces a pasted URL to it
    { column: 'domain', field: 'domain', parse: (c) => parseWith(shape.domain, c, 'Enter a domain like example.com.') },
    { column: 'external_id', field: 'externalId', parse: (c) => parseWith(shape.externalId, c, 'Use at most 200 characters.') },
    {
      column: 'owner_email',
      field: 'ownerId',
      parse: (c) => {
        const id = members.get(c.toLowerCase());
        return id ? { ok: true, value: id } : { ok: false, message: `${c} is not a member of this org.` };
      },
    },
    { column: 'segment', field: 'segment', parse: (c) => parseEnum(shape.segment, segmentEnum.enumValues, c) },
    { column: 'stage', field: 'stage', parse: (c) => parseEnum(shape.stage, lifecycleStageEnum.enumValues, c) },
    {
      column: 'licensed_seats',
      field: 'licensedSeats',
      parse: (c) => (/^[+-]?\d+(\.\d+)?$/.test(c)
        ? parseWith(shape.licensedSeats, c, 'Enter a whole number of seats, 0 or more.')
        : { ok: false, message: 'Enter a whole number of seats, 0 or more (digits only).' }),
    },
    { column: 'contract_start', field: 'contractStart', parse: (c) => parseWith(shape.contractStart, c, 'Use a date like 2026-01-31.') },
    { column: 'next_renewal_date', field: 'nextRenewalDate', parse: (c) => parseWith(shape.nextRenewalDate, c, 'Use a date like 2026-01-31.') },
  ];
}

/** Checks every account record's cells on their own; matching and duplicates come later (plan). */
export function validateAccountRecords(records: CsvRecord[], map: HeaderMap, members: ReadonlyMap<string, string>): AccountRow[] {
  const fieldSpecs = specs(members);
  return records.map((record) => {
    const row = validateRecord<AccountValues>(record, map, fieldSpecs);
    const { contractStart, nextRenewalDate } = row.values;
    if (contractStart && nextRenewalDate && nextRenewalDate < contractStart) {
      row.errors.push({ row: row.row, column: 'next_renewal_date', message: RENEWAL_BEFORE_START });
    }
    return row;
  });
}
