import { influenceEnum, sentimentEnum, stakeholderRoleEnum } from '@/db/schema/enums';
import { accountFieldsSchema } from '@/lib/validation/accounts';
import { stakeholderFieldsSchema } from '@/lib/validation/stakeholders';
import type { HeaderMap } from './columns';
import type { CsvRecord } from './csv';
import { parseBool, parseEnum, parseWith, validateRecord, type FieldSpec, type ValidatedRow } from './cells';

type StakeholderRole = (typeof stakeholderRoleEnum.enumValues)[number];
type Influence = (typeof influenceEnum.enumValues)[number];
type Sentiment = (typeof sentimentEnum.enumValues)[number];

/** The fields one CSV row sets on a stakeholder, plus the keys of its account. */
export type StakeholderValues = {
  accountExternalId: string;
  accountDomain: string;
  name: string;
  email: string;
  title: string;
  role: StakeholderRole;
  influence: Influence;
  sentiment: Sentiment;
  isPrimary: boolean;
  doNotSurvey: boolean;
  externalId: string;
};

export type StakeholderRow = ValidatedRow<Partial<StakeholderValues>>;

const shape = stakeholderFieldsSchema.shape;
const accountShape = accountFieldsSchema.shape;

const fieldSpecs: FieldSpec<StakeholderValues>[] = [
  { column: 'account_external_id', field: 'accountExternalId', parse: (c) => parseWith(accountShape.externalId, c, 'Use at most 200 characters.') },
  { column: 'account_domain', field: 'accountDomain', parse: (c) => parseWith(accountShape.domain, c, 'Enter a domain like example.com.') },
  { column: 'name', field: 'name', parse: (c) => parseWith(shape.name, c, 'Enter a name.') },
  { column: 'email', field: 'email', parse: (c) => parseWith(shape.email, c, 'Enter a valid email address.') },
  { column: 'title', field: 'title', parse: (c) => parseWith(shape.title, c, 'Use at most 200 characters.') },
  { column: 'role', field: 'role', parse: (c) => parseEnum(shape.role, stakeholderRoleEnum.enumValues, c) },
  { column: 'influence', field: 'influence', parse: (c) => parseEnum(shape.influence, influenceEnum.enumValues, c) },
  { column: 'sentiment', field: 'sentiment', parse: (c) => parseEnum(shape.sentiment, sentimentEnum.enumValues, c) },
  // the form's checkbox schema reads anything but "on"/"true" as false; a file needs a strict reading
  { column: 'is_primary', field: 'isPrimary', parse: parseBool },
  { column: 'do_not_survey', field: 'doNotSurvey', parse: parseBool },
  { column: 'external_id', field: 'externalId', parse: (c) => parseWith(shape.externalId, c, 'Use at most 200 characters.') },
];

/** Checks every stakeholder record's cells on their own; a row must name its account somehow. */
export function validateStakeholderRecords(records: CsvRecord[], map: HeaderMap): StakeholderRow[] {
  return records.map((record) => {
    const row = validateRecord<StakeholderValues>(record, map, fieldSpecs);
    const named = row.cells.account_external_id || row.cells.account_domain;
    if (!named && !record.error) {
      const column = map.index.account_external_id !== undefined ? 'account_external_id' : 'account_domain';
      row.errors.push({ row: row.row, column, message: 'Give the account\'s external id or domain.' });
    }
    return row;
  });
}
