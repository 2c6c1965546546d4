/** The two kinds of CSV import and the columns each accepts (pure: no db/, no next/). */
export const importKinds = ['accounts', 'stakeholders'] as const;
export type ImportKind = (typeof importKinds)[number];

export const accountCsvColumns = [
  'name', 'domain', 'external_id', 'owner_email', 'segment', 'stage', 'licensed_seats', 'contract_start', 'next_renewal_date',
] as const;

export const stakeholderCsvColumns = [
  'account_external_id', 'account_domain', 'name', 'email', 'title', 'role', 'influence', 'sentiment', 'is_primary',
  'do_not_survey', 'external_id',
] as const;

export type AccountCsvColumn = (typeof accountCsvColumns)[number];
export type StakeholderCsvColumn = (typeof stakeholderCsvColumns)[number];
export type CsvColumn = AccountCsvColumn | StakeholderCsvColumn;

export const csvColumns: Record<ImportKind, readonly CsvColumn[]> = {
  accounts: accountCsvColumns,
  stakeholders: stakeholderCsvColumns,
};

/**
 * "Next Renewal Date", "next-renewal-date" and " NEXT_RENEWAL_DATE " all become
 * "next_renewal_date": spreadsheets and CRMs spell headers every way.
 */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
}

export type HeaderMap = {
  /** The column each known field is read from (0-based). */
  index: Partial<Record<CsvColumn, number>>;
  /** Headers we do not know; their cells are ignored (the preview says so). */
  ignored: string[];
  /** Problems with the header row itself: nothing can be imported until they are fixed. */
  errors: string[];
};

/** Maps a header row to the kind's columns; reports missing, duplicate and unknown headers. */
export function mapHeaders(kind: ImportKind, headers: string[]): HeaderMap {
  const known = new Set<string>(csvColumns[kind]);
  const index: HeaderMap['index'] = {};
  const ignored: string[] = [];
  const errors: string[] = [];
  headers.forEach((raw, i) => {
    const name = normalizeHeader(raw);
    if (!known.has(name)) {
      if (name) ignored.push(raw.trim());
      return;
    }
    const col = name as CsvColumn;
    if (index[col] !== undefined) errors.push(`The column "${col}" appears more than once in the header row.`);
    else index[col] = i;
  });
  if (index.name === undefined) errors.push('The header row needs a "name" column.');
  if (kind === 'stakeholders' && index.account_external_id === undefined && index.account_domain === undefined) {
    errors.push('The header row needs an "account_external_id" or an "account_domain" column to find each stakeholder\'s account.');
  }
  return { index, ignored, errors };
}

const examples: Record<ImportKind, string[]> = {
  accounts: ['Example Corp', 'example.com', 'CRM-1001', '', 'mid_market', 'onboarding', '50', '2026-01-15', '2027-01-15'],
  stakeholders: ['CRM-1001', 'example.com', 'Dana Smith', 'dana@example.com', 'VP Operations', 'champion', 'high', 'positive', 'true', 'false', 'P-501'],
};

/** A template file: the header row and one example row. */
export function templateCsv(kind: ImportKind): string {
  return `${csvColumns[kind].join(',')}\n${examples[kind].join(',')}\n`;
}
