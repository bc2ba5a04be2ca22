/** Runs `jobs` with at most `width` in flight (a browser opens about 6 connections per origin). */
export async function inPool(jobs: readonly (() => Promise<void>)[], width = 6): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]!();
  };
  await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, worker));
}
