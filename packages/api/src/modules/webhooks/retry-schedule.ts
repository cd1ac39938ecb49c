/**
 * The Standard Webhooks retry schedule: the delay before each attempt, counted from the previous failure
 * (the first is immediate). After the last one fails, the delivery is given up (`failed`).
 */
export const RETRY_SCHEDULE_MS: readonly number[] = [
  0,
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  14 * 3_600_000,
  20 * 3_600_000,
  24 * 3_600_000,
]

/** An endpoint failing without a success for this long is disabled. */
export const DISABLE_AFTER_FAILING_MS = 5 * 24 * 3_600_000

/**
 * The delay before the next attempt after `attemptsMade` attempts failed, with ±10% jitter so retries
 * of a burst do not arrive together; null when the schedule is exhausted.
 */
export function nextRetryDelayMs(
  attemptsMade: number,
  schedule: readonly number[] = RETRY_SCHEDULE_MS,
  random: () => number = Math.random,
): number | null {
  const base = schedule[attemptsMade]
  if (base === undefined) return null
  return Math.round(base * (0.9 + 0.2 * random()))
}
