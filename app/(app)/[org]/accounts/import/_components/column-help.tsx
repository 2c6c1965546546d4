import { influenceEnum, lifecycleStageEnum, segmentEnum, sentimentEnum, stakeholderRoleEnum } from '@/db/schema/enums';
import type { CsvColumn, ImportKind } from '@/lib/import/columns';

const oneOf = (values: readonly string[], fallback?: string) => `One of ${values.join(', ')}${fallback ? ` (new rows: ${fallback})` : ''}.`;

const help: Record<ImportKind, [CsvColumn, string][]> = {
  accounts: [
    ['name', 'Required for a new account.'],
    ['domain', 'Like example.com. A row without external_id updates the account with this domain.'],
    ['external_id', 'Your CRM\'s id, once per file. A row with one updates the account with this id, or creates it.'],
    ['owner_email', 'The email of a member of this org.'],
    ['segment', oneOf(segmentEnum.enumValues)],
    ['stage', oneOf(lifecycleStageEnum.enumValues, 'onboarding')],
    ['licensed_seats', 'A whole number, 0 or more.'],
    ['contract_start', 'A date as YYYY-MM-DD.'],
    ['next_renewal_date', 'A date as YYYY-MM-DD, not before the contract start.'],
  ],
  stakeholders: [
    ['account_external_id', 'The external id of the person\'s account.'],
    ['account_domain', 'Or the account\'s domain, when there is no account_external_id.'],
    ['name', 'Required for a new stakeholder.'],
    ['email', 'A row without external_id updates the person of that account with this email.'],
    ['title', 'Job title.'],
    ['role', oneOf(stakeholderRoleEnum.enumValues, 'user')],
    ['influence', oneOf(influenceEnum.enumValues, 'medium')],
    ['sentiment', oneOf(sentimentEnum.enumValues, 'neutral')],
    ['is_primary', 'true or false (yes/no and 1/0 work too).'],
    ['do_not_survey', 'true or false.'],
    ['external_id', 'The person\'s id in your CRM, once per account. A row with one updates that person, or adds them.'],
  ],
};

/** The columns of one kind of file and the rules every import follows. */
export function ColumnHelp({ kind }: { kind: ImportKind }) {
  return (
    <div className="space-y-3 text-sm text-gray-700">
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
        {help[kind].map(([column, text]) => (
          <div key={column} className="contents">
            <dt className="font-mono text-xs font-semibold text-gray-900 sm:pt-0.5">{column}</dt>
            <dd className="mb-1 sm:mb-0">{text}</dd>
          </div>
        ))}
      </dl>
      <ul className="list-disc space-y-1 pl-5">
        <li>Header names ignore case, spaces and dashes (&ldquo;Next renewal date&rdquo; works); other columns are ignored.</li>
        <li><strong>A blank cell leaves the current value unchanged</strong>; a new row gets the default. To clear a value, edit it in the app.</li>
        <li>UTF-8 CSV, separated by commas or semicolons; up to 20 MB and 50,000 rows.</li>
        <li>Row numbers count the header as row 1, as your spreadsheet does.</li>
        <li>Nothing is written until you press Import, and then every row is imported or none is.</li>
      </ul>
    </div>
  );
}
