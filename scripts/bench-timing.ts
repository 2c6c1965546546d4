// Timing shared by the benchmark scripts: the median of a few timed runs after a warm-up, and the printed table.

export const RUNS = 5;

/** Median of RUNS timed runs after one warm-up (plans, caches), in ms. */
export async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[RUNS >> 1];
}

/** Prints each case's median, one line each, under a heading that says how they were measured. */
export async function printMedians(cases: readonly [string, () => Promise<unknown>][]): Promise<void> {
  console.info(`\nMedian of ${RUNS} runs (after one warm-up):`);
  for (const [name, fn] of cases) console.info(`  ${(await median(fn)).toFixed(1).padStart(8)} ms  ${name}`);
}
