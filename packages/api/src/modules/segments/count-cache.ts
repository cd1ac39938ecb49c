import { createHash } from 'node:crypto'
import { LRUCache } from 'lru-cache'

/**
 * Segment counts, briefly, per process: a merchant editing a rule asks for the same count many times, and
 * a count on a million customers is a scan. Keyed by merchant + segment + a hash of what was evaluated
 * (the rule, the built-in's thresholds), so an edit is a new key; a bulk action clears its merchant.
 */
const counts = new LRUCache<string, number>({ max: 5000 })

export function countKey(merchantId: string, segment: string, evaluated: unknown): string {
  const hash = createHash('sha256').update(JSON.stringify(evaluated)).digest('base64url').slice(0, 22)
  return `${merchantId}|${segment}|${hash}`
}

/** The cached count, or `count()` stored for ttlSeconds (0: never stored). */
export async function cachedCount(key: string, ttlSeconds: number, count: () => Promise<number>) {
  const hit = ttlSeconds > 0 ? counts.get(key) : undefined
  if (hit !== undefined) return { count: hit, cached: true }
  const value = await count()
  if (ttlSeconds > 0) counts.set(key, value, { ttl: ttlSeconds * 1000 })
  return { count: value, cached: false }
}

/** Forgets a merchant's counts (after a bulk action changed its customers). */
export function forgetCounts(merchantId: string) {
  for (const key of counts.keys()) if (key.startsWith(`${merchantId}|`)) counts.delete(key)
}
