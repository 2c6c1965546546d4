// `npx tsx scripts/gen-import-csv.ts [--accounts 10000] [--per-account 3] [--out DIR] [--owner email]`:
// writes accounts.csv and stakeholders.csv (default: $TMPDIR/tenure-import-bench) for timing the
// CSV import. Deterministic: the same arguments give the same bytes (seeded PRNG).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createRandom } from '@/db/seed/random';

const SEGMENTS = ['enterprise', 'mid_market', 'smb'];
const STAGES = ['onboarding', 'adopting', 'mature', 'renewal'];
const ROLES = ['champion', 'decision_maker', 'economic_buyer', 'user', 'other'];
const LEVELS = ['low', 'medium', 'high'];
const MOODS = ['positive', 'neutral', 'negative'];
const WORDS = ['Analytics', 'Logistics', 'Health', 'Robotics', 'Foods', 'Energy', 'Media', 'Finance', 'Travel', 'Labs'];
const FIRST = ['Ada', 'Ben', 'Chen', 'Dana', 'Eli', 'Fatima', 'Gus', 'Hana', 'Ivan', 'Jo', 'Kemal', 'Lena'];
const LAST = ['Smith', 'Okafor', 'Novak', 'García', 'Kim', 'Rossi', 'Müller', 'Singh', 'Dubois', 'Tanaka'];

const pad = (i: number) => String(i).padStart(6, '0');
const date = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
// quote a cell when it holds a comma, a quote or a newline (RFC 4180)
const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const line = (cells: (string | number | boolean)[]) => cells.map((c) => cell(String(c))).join(',');

function main() {
  const { values } = parseArgs({ options: { accounts: { type: 'string' }, 'per-account': { type: 'string' }, out: { type: 'string' }, owner: { type: 'string' } } });
  const count = Number(values.accounts ?? 10_000);
  const perAccount = Number(values['per-account'] ?? 3);
  const out = path.resolve(values.out ?? path.join(os.tmpdir(), 'tenure-import-bench'));
  const rand = createRandom(20_260_101);
  fs.mkdirSync(out, { recursive: true });

  const accounts = ['name,domain,external_id,owner_email,segment,stage,licensed_seats,contract_start,next_renewal_date'];
  const people = ['account_external_id,account_domain,name,email,title,role,influence,sentiment,is_primary,do_not_survey,external_id'];
  for (let i = 1; i <= count; i++) {
    const domain = `acct-${pad(i)}.bench.example`;
    const year = rand.int(2022, 2026);
    const [m, d] = [rand.int(1, 12), rand.int(1, 28)];
    accounts.push(line([
      `${rand.pick(WORDS)} ${rand.pick(WORDS)} ${pad(i)}`, domain, `BENCH-${pad(i)}`, values.owner ?? '', rand.pick(SEGMENTS),
      rand.pick(STAGES), rand.int(5, 2_000), date(year, m, d), date(year + 1, m, d),
    ]));
    for (let p = 1; p <= perAccount; p++) {
      const first = rand.pick(FIRST);
      people.push(line([
        `BENCH-${pad(i)}`, '', `${first} ${rand.pick(LAST)}`, `${first.toLowerCase()}.${p}@${domain}`, p === 1 ? 'VP Customer Success, EMEA' : 'Manager',
        rand.pick(ROLES), rand.pick(LEVELS), rand.pick(MOODS), p === 1, rand.chance(0.05), `P-${pad(i)}-${p}`,
      ]));
    }
  }
  fs.writeFileSync(path.join(out, 'accounts.csv'), `${accounts.join('\n')}\n`);
  fs.writeFileSync(path.join(out, 'stakeholders.csv'), `${people.join('\n')}\n`);
  const size = (f: string) => `${(fs.statSync(path.join(out, f)).size / 1024 / 1024).toFixed(1)} MB`;
  console.log(`${out}/accounts.csv: ${count} rows, ${size('accounts.csv')}; stakeholders.csv: ${count * perAccount} rows, ${size('stakeholders.csv')}`);
}

main();
