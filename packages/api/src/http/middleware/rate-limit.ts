import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context, MiddlewareHandler } from 'hono'
import { Redis } from 'ioredis'
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible'
import type { Config } from '../../config.js'
import type { AppEnv } from '../env.js'
import { problemResponse } from '../problem.js'

export interface RateLimitOptions {
  /** Names the counters (Redis keys start with it). */
  name: string
  /** Requests allowed per key per minute; 0 turns the limit off. */
  perMinute: (config: Config) => number
  /** What is counted: the client's address by default; a token, an email… */
  key?: (c: Context<AppEnv>) => string | Promise<string>
}

let redis: Redis | undefined

/**
 * A fixed-window limit per key with rate-limiter-flexible: counters live in Redis when REDIS_URL is set
 * (every API process shares them), else in this process. Over the limit: 429 problem+json with
 * Retry-After. A Redis outage lets requests through rather than locking everyone out.
 */
export function rateLimit(opts: RateLimitOptions): MiddlewareHandler<AppEnv> {
  let limiter: { points: number; instance: RateLimiterAbstract } | undefined
  return async (c, next) => {
    const { config } = c.var.deps
    const points = opts.perMinute(config)
    if (points <= 0) return next()
    if (!limiter || limiter.points !== points) {
      limiter = { points, instance: createLimiter(config, opts.name, points) }
    }
    const key = await (opts.key ?? clientAddress)(c)
    try {
      const res = await limiter.instance.consume(key)
      c.header('RateLimit-Limit', String(points))
      c.header('RateLimit-Remaining', String(res.remainingPoints))
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) return next()
      const seconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000))
      c.header('Retry-After', String(seconds))
      return problemResponse(c, 'rate_limited', `Too many requests; try again in ${seconds} s`)
    }
    return next()
  }
}

function createLimiter(config: Config, name: string, points: number): RateLimiterAbstract {
  const base = { keyPrefix: `coinbook:rl:${name}`, points, duration: 60 }
  if (!config.REDIS_URL) return new RateLimiterMemory(base)
  redis ??= new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
  return new RateLimiterRedis({ ...base, storeClient: redis, insuranceLimiter: new RateLimiterMemory(base) })
}

/**
 * The client's address: the socket's peer, or with TRUST_PROXY the first X-Forwarded-For entry that the
 * proxy in front of Coinbook appended to.
 */
export function clientAddress(c: Context<AppEnv>): string {
  if (c.var.deps.config.TRUST_PROXY) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    // app.request() in tests has no socket.
    return 'unknown'
  }
}

/** Closes the shared Redis connection (on shutdown and after tests). */
export async function closeRateLimits(): Promise<void> {
  await redis?.quit().catch(() => undefined)
  redis = undefined
}
