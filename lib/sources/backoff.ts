// When a feed is next due. Pure: no I/O.

const MINUTE = 60_000;
/** However often a feed fails, it is tried again at least daily. */
export const MAX_BACKOFF_MS = 24 * 60 * MINUTE;

/**
 * Delay before the next poll: the feed's interval after a success; after n
 * failures in a row, the interval doubled n times (capped at a day, or at the
 * interval itself when that is longer), so a broken feed is asked less and less.
 */
export function nextPollDelay(pollMinutes: number, failures: number): number {
  const base = Math.max(1, pollMinutes) * MINUTE;
  if (failures <= 0) return base;
  return Math.max(base, Math.min(base * 2 ** Math.min(failures, 20), MAX_BACKOFF_MS));
}
