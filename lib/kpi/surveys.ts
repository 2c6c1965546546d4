// Survey scores (DESIGN.md "KPIs": NPS, CSAT, CES). SQL counts the answers; these turn the counts into a score
// with n and a 95 % interval. No answers is null, never a score of 0.

const Z = 1.96;

/** A score with its answer count and 95 % interval, in the score's own units. */
export type SurveyScore = { score: number; n: number; low: number; high: number };

const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));

function checkCounts(counts: Record<string, number>) {
  for (const [name, value] of Object.entries(counts)) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number ≥ 0: ${value}`);
  }
}

/** NPS in points (% promoters − % detractors, −100..100) with n and its 95 % interval, clipped; null when n = 0. */
export function nps(counts: { promoters: number; passives: number; detractors: number }): SurveyScore | null {
  checkCounts(counts);
  const { promoters, passives, detractors } = counts;
  const n = promoters + passives + detractors;
  if (n === 0) return null;
  const p = promoters / n;
  const d = detractors / n;
  // ((promoters − detractors) × 100) / n rounds once, so 50 of 100 gives exactly 50.
  const score = ((promoters - detractors) * 100) / n;
  // NPS ± 1.96 × 100 × √((p + d − (p − d)²) / n). With every answer in one category (n = 1 included) the term is 0
  // and the interval collapses onto the score. max(0, …): in doubles the term can come out as −1e-17.
  const half = Z * 100 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / n);
  return { score, n, low: clamp(score - half, -100, 100), high: clamp(score + half, -100, 100) };
}

/** NPS (points, as nps()) from raw 0–10 answers; null when there are none; throws on an answer outside 0–10. */
export function npsFromScores(scores: readonly number[]): SurveyScore | null {
  const counts = { promoters: 0, passives: 0, detractors: 0 };
  for (const s of scores) {
    if (!Number.isInteger(s) || s < 0 || s > 10) throw new RangeError(`An NPS answer is 0–10, got ${s}`);
    counts[s >= 9 ? 'promoters' : s >= 7 ? 'passives' : 'detractors'] += 1;
  }
  return nps(counts);
}

/** Wilson score 95 % interval for successes of n, as percentages 0..100; null when n = 0. */
export function wilsonInterval(successes: number, n: number): { low: number; high: number } | null {
  checkCounts({ successes, n });
  if (successes > n) throw new RangeError('successes cannot exceed n');
  if (n === 0) return null;
  const p = successes / n;
  const z2 = Z * Z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: clamp((centre - half) * 100, 0, 100), high: clamp((centre + half) * 100, 0, 100) };
}

/** CSAT: % of 1–5 answers that are 4 or 5 with its Wilson 95 % interval, and the mean 1–5 if sum is given; null when n = 0. */
export function csat({ satisfied, n, sum }: { satisfied: number; n: number; sum?: number }):
  | (SurveyScore & { mean: number | null })
  | null {
  const interval = wilsonInterval(satisfied, n);
  if (interval === null) return null;
  return { score: (satisfied * 100) / n, n, ...interval, mean: sum === undefined ? null : sum / n };
}

/** CES: mean 1–7 with mean ± 1.96 × sample sd ÷ √n (clipped to 1–7; null at n = 1) and % of answers 5–7; null when n = 0. */
export function ces({ n, sum, sumSquares, agree }: { n: number; sum: number; sumSquares: number; agree: number }):
  | (Omit<SurveyScore, 'low' | 'high'> & { low: number | null; high: number | null; percentAgree: number })
  | null {
  checkCounts({ n, agree });
  if (agree > n) throw new RangeError('agree cannot exceed n');
  if (n === 0) return null;
  const mean = sum / n;
  const percentAgree = (agree * 100) / n;
  // One answer has no sample sd (n − 1 = 0); a zero-width interval would claim a certainty it cannot give.
  if (n === 1) return { score: mean, n, low: null, high: null, percentAgree };
  // Σx² − (Σx)²/n is ≥ 0 in exact arithmetic; max(0, …) absorbs rounding when every answer is the same.
  const sd = Math.sqrt(Math.max(0, (sumSquares - (sum * sum) / n) / (n - 1)));
  const half = (Z * sd) / Math.sqrt(n);
  // Clipped like NPS: a small sample's interval can run past the scale, which no mean can.
  return { score: mean, n, low: clamp(mean - half, 1, 7), high: clamp(mean + half, 1, 7), percentAgree };
}
