import { type NetworkId, networkIds, networks } from '@coinbook/chain-watchers/registry'
import { z } from 'zod'

const csv = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.url()))

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')

const confirmations = z.coerce.number().int().min(1).max(1000)

/** "USDT:0xdAC1…:6,USDC:0xA0b8…:6": token contracts beyond the registry's (testnets, devnets). */
const tokens = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z
        .string()
        .regex(/^(USDT|USDC):[0-9A-Za-z]{20,64}:\d{1,2}$/, 'each token must be ASSET:CONTRACT:DECIMALS')
        .transform((t) => {
          const [asset, contract, decimals] = t.split(':') as ['USDT' | 'USDC', string, string]
          return { asset, contract, decimals: Number(decimals) }
        }),
    ),
  )

/** `<NETWORK>_RPC_URLS` (comma-separated, tried in order) and `<NETWORK>_CONFIRMATIONS` for each network. */
function networkSettings() {
  const shape: Record<string, z.ZodType> = {}
  for (const id of networkIds) {
    shape[`${id.toUpperCase()}_RPC_URLS`] = csv.optional()
    shape[`${id.toUpperCase()}_CONFIRMATIONS`] = confirmations.optional()
    shape[`${id.toUpperCase()}_TOKENS`] = tokens.optional()
  }
  return shape as unknown as {
    [K in NetworkId as `${Uppercase<K>}_RPC_URLS`]: z.ZodOptional<typeof csv>
  } & { [K in NetworkId as `${Uppercase<K>}_CONFIRMATIONS`]: z.ZodOptional<typeof confirmations> } & {
    [K in NetworkId as `${Uppercase<K>}_TOKENS`]: z.ZodOptional<typeof tokens>
  }
}

/** The one schema over the environment. Every setting Coinbook reads is here. */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /**
   * `coinbook worker` serves /healthz, /readyz and /metrics on this port (0: any free port) so an
   * orchestrator can restart a stuck worker and Prometheus can read its job metrics. Unset: no port.
   */
  WORKER_HEALTH_PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * `coinbook api` forks this many API processes that share the port (node:cluster), one per CPU to give
   * to the API; a Node process runs JavaScript on one core. Needs PostgreSQL. Each keeps its own pool of
   * DATABASE_POOL_SIZE connections; without REDIS_URL each also counts its own rate limits.
   */
  API_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
  /**
   * Apply pending migrations when `start`, `api` or `worker` starts (Kysely holds a lock meanwhile). With
   * several processes, set it to false and run `coinbook migrate` once before them: they then wait for the
   * schema instead of migrating.
   */
  MIGRATE_ON_START: bool.default(true),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  COINBOOK_DATA_DIR: z.string().min(1).default('./.coinbook'),
  COINBOOK_NETWORK_MODE: z.enum(['mainnet', 'testnet', 'regtest']).default('mainnet'),
  COINBOOK_DASHBOARD_DIR: z.string().optional(),
  /** Public origin used in links and to check the Origin of cookie-authenticated writes. */
  PUBLIC_URL: z.url().optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 14),
  COOKIE_SECURE: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Bearer token Prometheus sends to GET /metrics; unset, the route answers 404. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For (rate limits, logs). */
  TRUST_PROXY: bool.default(false),
  /** Sign-up and log-in attempts per client address per minute; 0 turns the limit off. */
  RATE_LIMIT_AUTH_PER_MINUTE: z.coerce.number().int().min(0).default(20),
  /** Requests to the public checkout per client address per minute; 0 turns the limit off. */
  RATE_LIMIT_PUBLIC_PER_MINUTE: z.coerce.number().int().min(0).default(120),
  /** Requests to one pay link per minute, from anywhere; 0 turns the limit off. */
  RATE_LIMIT_PUBLIC_TOKEN_PER_MINUTE: z.coerce.number().int().min(0).default(60),
  /** Where fiat prices come from: CoinGecko's API, or a fixed table for offline installs. */
  RATES_PROVIDER: z.enum(['coingecko', 'fixed']).default('coingecko'),
  RATES_URL: z.url().optional(),
  RATES_API_KEY: z.string().optional(),
  /** "BTC:USD=100000,ETH:EUR=3500": the table of the fixed provider (defaults to indicative USD prices). */
  RATES_FIXED: z
    .string()
    .regex(
      /^\s*[A-Z]{2,5}:[A-Z]{3}\s*=\s*\d+(\.\d+)?\s*(,\s*[A-Z]{2,5}:[A-Z]{3}\s*=\s*\d+(\.\d+)?\s*)*$/,
      'must look like BTC:USD=100000,ETH:USD=4000',
    )
    .optional(),
  BITCOIN_BACKEND: z.enum(['esplora', 'core']).default('esplora'),
  /** toncenter API key, sent as X-API-Key to every TON_RPC_URLS endpoint (toncenter.com allows 1 request/s without). */
  TON_API_KEY: z.string().min(1).optional(),
  RPC_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Seconds between two scans of a network. */
  SCAN_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
  /** Seconds between two reminder runs (each sends what is due by then: 09:00 local, at most this late). */
  REMINDERS_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(900),
  /** Largest customer import upload (CSV or JSON), in bytes; streamed, so it costs no memory. */
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(10 * 1024 ** 3)
    .default(100 * 1024 ** 2),
  /** Uploads up to this size are imported while the request waits; larger ones run as a job. */
  IMPORT_INLINE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(100 * 1024 ** 2)
    .default(256 * 1024),
  /** How long a quote locks its crypto amount: "15m" (default), "900s", "1h" or plain seconds. */
  QUOTE_TTL: z
    .string()
    .trim()
    .regex(/^\d{1,6}(s|m|h)?$/, 'must be a duration such as 15m, 900s, 1h or a number of seconds')
    .default('15m')
    .transform((v) => {
      const n = Number.parseInt(v, 10)
      const unit = v.endsWith('h') ? 3_600_000 : v.endsWith('m') ? 60_000 : 1000
      return n * unit
    })
    .refine((ms) => ms >= 60_000 && ms <= 24 * 3_600_000, 'must be between 1 minute and 24 hours'),
  /** Days an unpaid subscription invoice may stay past due before the subscription is canceled. */
  SUBSCRIPTION_GRACE_DAYS: z.coerce.number().int().min(0).max(365).default(14),
  /** Seconds a segment's count is reused (per process); 0 counts every time. */
  SEGMENT_COUNT_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  /**
   * Webhook URLs may point at loopback, private, link-local and CGNAT addresses, and use plain http, even in
   * production: for development and the tests. Off, such URLs are refused on save and at delivery.
   */
  WEBHOOKS_ALLOW_PRIVATE: bool.default(false),
  /** Encrypts webhook signing secrets at rest (AES-256-GCM, key derived from this); unset, stored as-is. */
  WEBHOOKS_SECRET_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Where mail goes: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465; unset, the Outbox keeps it. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]/, 'must be an smtp:// or smtps:// URL')
    .optional(),
  /** The From address of every email; a merchant's sender name goes in front of it. */
  MAIL_FROM: z.string().trim().min(3).default('no-reply@coinbook.local'),
  /** Seconds between two passes of the mail sender over the outbox. */
  MAIL_SEND_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  /** SMTP connections one process keeps open at most. */
  MAIL_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(100).default(5),
  /** Key that signs unsubscribe links; unset, a key made for this database (migration 0014) is used. */
  COINBOOK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ...networkSettings(),
})

export type Config = z.infer<typeof configSchema>

/** Raised at start-up when the environment does not satisfy the schema; names each wrong variable. */
export class ConfigError extends Error {
  override name = 'ConfigError'
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(
      `Invalid configuration:\n${issues.map((i) => `  ${i.variable}: ${i.message}`).join('\n')}\nFix the environment and start again.`,
    )
  }
}

/** Reads and validates the configuration; empty strings count as unset. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const result = configSchema.safeParse(cleaned)
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((i) => ({ variable: String(i.path[0] ?? '(root)'), message: i.message })),
    )
  }
  return result.data
}

/** The node URLs configured for a network (empty: the network derives addresses but cannot scan). */
export function rpcUrls(config: Config, network: NetworkId): string[] {
  return config[`${network.toUpperCase() as Uppercase<NetworkId>}_RPC_URLS`] ?? []
}

/** Confirmations a payment needs on a network: the operator's setting or the registry default. */
export function requiredConfirmations(config: Config, network: NetworkId): number {
  return (
    config[`${network.toUpperCase() as Uppercase<NetworkId>}_CONFIRMATIONS`] ??
    networks[network].confirmations.default
  )
}

/** Extra token contracts configured for a network. */
export function extraTokens(config: Config, network: NetworkId) {
  return config[`${network.toUpperCase() as Uppercase<NetworkId>}_TOKENS`] ?? []
}
