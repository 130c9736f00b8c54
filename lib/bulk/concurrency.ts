/**
 * How many recover or purge operations run at once (on the portal server, per batch: see runBulkInBatches).
 * Chosen from `npm run bench` (bulk of 200, each ARM operation taking 2 s): 16 at once finished in
 * 1.05-1.2x the ideal 13 x 2 s and 14-15x faster than one at a time (the budget is 10x, which needs at
 * least 11). ARM's limits per subscription and principal (token bucket since 2024: writes and deletes 200
 * burst + 10/s refill, reads 250 + 25/s; historically 1,200 writes/h): 16 operations of >= 2 s send <= 8
 * writes or deletes/s and, polling once a second, 16 reads/s, under both refill rates with room for the
 * portal's own reads; a bulk of 200 stays inside one burst and one hour's historic quota. Transient failures
 * (429 with Retry-After, 5xx, dropped connections) are retried by the SDK pipeline (lib/arm/session.ts:
 * 3 retries, 0.5 s doubling to 8 s), so one throttled item costs seconds, not the batch.
 */
export const BULK_CONCURRENCY = 16;

/** Splits items into the batches one server action call carries. */
export function inBatches<T>(items: readonly T[], size: number = BULK_CONCURRENCY): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += Math.max(1, size)) batches.push(items.slice(start, start + Math.max(1, size)));
  return batches;
}
