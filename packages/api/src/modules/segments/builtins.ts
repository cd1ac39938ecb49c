import { assetIds } from '@coinbook/chain-watchers/registry'
import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely'
import type { Executor } from '../../context.js'
import { segmentCondition } from './condition.js'
import type { RuleNode } from './rule.js'
import type { SegmentSettings } from './settings.js'

export interface BuiltinEnv {
  db: Executor
  merchantId: string
  now: Date
  settings: SegmentSettings
}

/** A built-in's condition, or why it cannot be evaluated for this merchant. */
export type BuiltinResolution = { condition: Expression<SqlBool>; key: string } | { unavailable: string }

interface BuiltinDef {
  group: 'value' | 'frequency' | 'lifecycle' | 'behaviour' | 'coin' | 'type' | 'geography'
  name: string
  description: string
  /** `country`: the id carries a parameter, `country:PT`. */
  param?: { name: string; pattern: RegExp; options?: readonly string[] }
  resolve: (env: BuiltinEnv, param: string | undefined) => Promise<BuiltinResolution>
}

const rule = (env: BuiltinEnv, node: RuleNode, key: string): BuiltinResolution => ({
  condition: segmentCondition(node, { merchantId: env.merchantId, now: env.now }),
  key,
})

/** A predicate on the customer's stats row `s` (customers without one have no payments: never match). */
const stats = (env: BuiltinEnv, p: RawBuilder<unknown>, key: string): BuiltinResolution => ({
  condition: sql<SqlBool>`exists (select 1 from customer_stats s where s.customer_id = c.id and s.merchant_id = ${env.merchantId} and ${p})`,
  key,
})

/** The customer's median days between payments (0011), else the average over the active span; null below two payments. */
const interval = sql`coalesce(s.median_interval_days, extract(epoch from (s.last_payment_at - s.first_payment_at)) / 86400 / nullif(s.payment_count - 1, 0))`
const daysSinceLast = (now: Date) =>
  sql`(extract(epoch from (${now.toISOString()}::timestamptz - s.last_payment_at)) / 86400)`

function churned(env: BuiltinEnv) {
  const t = env.settings.thresholds
  return sql`(s.payment_count >= 2 and ${daysSinceLast(env.now)} > greatest(${t.churnMinDays}::numeric, ${t.churnFactor}::numeric * ${interval}))`
}
function regular(env: BuiltinEnv) {
  const t = env.settings.thresholds
  return sql`(s.payment_count >= ${t.regularMinPayments}::int and ${daysSinceLast(env.now)} <= ${t.regularIntervalFactor}::numeric * ${interval})`
}

/** Lifetime-value cut points among paying customers (percentile_disc: an actual customer's value). */
async function valueCuts(env: BuiltinEnv, fractions: number[]): Promise<(string | null)[]> {
  const row = await sql<{ cuts: (string | null)[] | null }>`
    select percentile_disc(${`{${fractions.join(',')}}`}::float8[]) within group (order by s.lifetime_value)::text[] as cuts
    from customer_stats s join customers c on c.id = s.customer_id
    where s.merchant_id = ${env.merchantId} and c.merchant_id = ${env.merchantId} and c.deleted_at is null
      and s.lifetime_value > 0`.execute(env.db)
  const cuts = row.rows[0]?.cuts ?? null
  return fractions.map((_, i) => cuts?.[i] ?? null)
}

const ltvFrom = (
  env: BuiltinEnv,
  min: string | null,
  below: string | null,
  key: string,
): BuiltinResolution => {
  const all: RuleNode[] = [{ field: 'lifetimeValue', op: 'gt', value: '0' }]
  if (min !== null) all.push({ field: 'lifetimeValue', op: 'gte', value: String(min) })
  if (below !== null) all.push({ field: 'lifetimeValue', op: 'lt', value: String(below) })
  return rule(env, { all }, `${key}:${min}:${below}`)
}

async function valueBand(env: BuiltinEnv, band: 'high' | 'medium' | 'low'): Promise<BuiltinResolution> {
  const t = env.settings.thresholds
  let low: string | null
  let high: string | null
  if (t.valueMode === 'amounts') {
    if (t.highValueMin === null || t.mediumValueMin === null)
      return { unavailable: 'valueMode is amounts: set highValueMin and mediumValueMin' }
    ;[low, high] = [t.mediumValueMin, t.highValueMin]
  } else {
    const cuts = await valueCuts(env, [1 / 3, 2 / 3])
    low = cuts[0] ?? null
    high = cuts[1] ?? null
    if (low === null || high === null) return { condition: sql<SqlBool>`false`, key: `${band}:none` }
  }
  if (band === 'high') return ltvFrom(env, high, null, 'high')
  if (band === 'medium') return ltvFrom(env, low, high, 'medium')
  return ltvFrom(env, null, low, 'low')
}

const TIMEZONE_REGIONS = [
  'Africa',
  'America',
  'Antarctica',
  'Asia',
  'Atlantic',
  'Australia',
  'Europe',
  'Indian',
  'Pacific',
] as const
const TYPES = ['individual', 'business', 'organization'] as const

/** Every built-in segment, by id (`id:param` for the parameterised ones). */
export const builtins: Record<string, BuiltinDef> = {
  vip: {
    group: 'value',
    name: 'VIP',
    description: 'The top lifetime values (vipPercent), or at or above vipAmount',
    resolve: async (env) => {
      const t = env.settings.thresholds
      if (t.vipMode === 'amount') {
        if (t.vipAmount === null) return { unavailable: 'vipMode is amount: set vipAmount' }
        return ltvFrom(env, t.vipAmount, null, 'vip')
      }
      const [cut] = await valueCuts(env, [1 - t.vipPercent / 100])
      return cut == null
        ? { condition: sql<SqlBool>`false`, key: 'vip:none' }
        : ltvFrom(env, cut, null, 'vip')
    },
  },
  'high-value': {
    group: 'value',
    name: 'High value',
    description: 'Top third of paying customers by lifetime value (or highValueMin and above)',
    resolve: (env) => valueBand(env, 'high'),
  },
  'medium-value': {
    group: 'value',
    name: 'Medium value',
    description: 'Middle third by lifetime value (or from mediumValueMin to highValueMin)',
    resolve: (env) => valueBand(env, 'medium'),
  },
  'low-value': {
    group: 'value',
    name: 'Low value',
    description: 'Bottom third of paying customers by lifetime value (or below mediumValueMin)',
    resolve: (env) => valueBand(env, 'low'),
  },
  regular: {
    group: 'frequency',
    name: 'Regular',
    description:
      'At least regularMinPayments payments, the last within regularIntervalFactor × their median interval',
    resolve: async (env) => stats(env, regular(env), 'regular'),
  },
  occasional: {
    group: 'frequency',
    name: 'Occasional',
    description: 'Two or more payments, not regular',
    resolve: async (env) =>
      stats(env, sql`(s.payment_count >= 2 and (${regular(env)}) is not true)`, 'occasional'),
  },
  'one-time': {
    group: 'frequency',
    name: 'One-time',
    description: 'Exactly one payment',
    resolve: async (env) => rule(env, { all: [{ field: 'paymentCount', op: 'eq', value: '1' }] }, 'one-time'),
  },
  recurring: {
    group: 'frequency',
    name: 'Recurring',
    description: 'Has an active subscription (trialing, active or past due)',
    resolve: async (env) =>
      rule(env, { all: [{ field: 'activeSubscription', op: 'eq', value: true }] }, 'recurring'),
  },
  new: {
    group: 'lifecycle',
    name: 'New',
    description: 'First payment in the last newDays days',
    resolve: async (env) =>
      rule(
        env,
        { all: [{ field: 'firstPaymentAt', op: 'withinLast', value: env.settings.thresholds.newDays }] },
        'new',
      ),
  },
  'at-risk': {
    group: 'lifecycle',
    name: 'At risk',
    description: 'Two or more payments, none for atRiskFactor × their median interval, not yet churned',
    resolve: async (env) => {
      const t = env.settings.thresholds
      return stats(
        env,
        sql`(s.payment_count >= 2 and ${daysSinceLast(env.now)} > ${t.atRiskFactor}::numeric * ${interval} and (${churned(env)}) is not true)`,
        'at-risk',
      )
    },
  },
  churned: {
    group: 'lifecycle',
    name: 'Churned',
    description: 'Two or more payments and none for max(churnMinDays, churnFactor × their median interval)',
    resolve: async (env) => stats(env, churned(env), 'churned'),
  },
  dormant: {
    group: 'lifecycle',
    name: 'Dormant',
    description: 'Paid before, nothing in the last dormantDays days',
    resolve: async (env) =>
      rule(
        env,
        {
          all: [
            { field: 'paymentCount', op: 'gte', value: '1' },
            { field: 'lastPaymentAt', op: 'notWithinLast', value: env.settings.thresholds.dormantDays },
          ],
        },
        'dormant',
      ),
  },
  'early-payers': {
    group: 'behaviour',
    name: 'Early payers',
    description: 'Pay their invoices on average earlyDays or more before the due date',
    resolve: async (env) =>
      rule(
        env,
        { all: [{ field: 'avgDaysBeforeDue', op: 'gte', value: String(env.settings.thresholds.earlyDays) }] },
        'early',
      ),
  },
  'late-payers': {
    group: 'behaviour',
    name: 'Late payers',
    description: 'latePercent % or more of their paid invoices were paid after the due date',
    resolve: async (env) =>
      rule(
        env,
        {
          all: [
            { field: 'latePaidShare', op: 'gte', value: String(env.settings.thresholds.latePercent / 100) },
          ],
        },
        'late',
      ),
  },
  'preferred-coin': {
    group: 'coin',
    name: 'Pays most with',
    description: 'The asset of most of their confirmed payments',
    param: { name: 'asset', pattern: new RegExp(`^(${assetIds.join('|')})$`), options: assetIds },
    // top_asset (0011): the asset of most of the customer's counted payments, kept with the payments.
    resolve: async (env, asset) =>
      rule(env, { all: [{ field: 'topAsset', op: 'eq', value: asset as string }] }, `coin:${asset}`),
  },
  type: {
    group: 'type',
    name: 'Customer type',
    description: 'Individual, business or organization',
    param: { name: 'type', pattern: /^(individual|business|organization)$/, options: TYPES },
    resolve: async (env, type) =>
      rule(env, { all: [{ field: 'type', op: 'eq', value: type as string }] }, `type:${type}`),
  },
  country: {
    group: 'geography',
    name: 'Country',
    description: 'Customers in one country',
    param: { name: 'country', pattern: /^[A-Z]{2}$/ },
    resolve: async (env, country) =>
      rule(env, { all: [{ field: 'country', op: 'eq', value: country as string }] }, `country:${country}`),
  },
  local: {
    group: 'geography',
    name: 'Local',
    description: 'In the merchant’s country',
    resolve: async (env) => {
      const home = env.settings.merchantCountry
      if (!home) return { unavailable: 'Set the merchant’s country in the segment settings' }
      return rule(env, { all: [{ field: 'country', op: 'eq', value: home }] }, `local:${home}`)
    },
  },
  international: {
    group: 'geography',
    name: 'International',
    description: 'With a country other than the merchant’s',
    resolve: async (env) => {
      const home = env.settings.merchantCountry
      if (!home) return { unavailable: 'Set the merchant’s country in the segment settings' }
      return rule(
        env,
        {
          all: [
            { field: 'country', op: 'exists' },
            { field: 'country', op: 'neq', value: home },
          ],
        },
        `intl:${home}`,
      )
    },
  },
  timezone: {
    group: 'geography',
    name: 'Time-zone region',
    description: 'The first part of their IANA time zone (Europe, America, Asia, …)',
    param: {
      name: 'region',
      pattern: new RegExp(`^(${TIMEZONE_REGIONS.join('|')})$`),
      options: TIMEZONE_REGIONS,
    },
    resolve: async (env, region) =>
      rule(env, { all: [{ field: 'timezoneRegion', op: 'eq', value: region as string }] }, `tz:${region}`),
  },
}

/** `vip` or `country:PT` → its definition and parameter; undefined when there is no such built-in. */
export function parseBuiltinId(id: string): { def: BuiltinDef; param: string | undefined } | undefined {
  const [key, param, ...rest] = id.split(':')
  if (!key || rest.length > 0 || !Object.hasOwn(builtins, key)) return undefined
  const def = builtins[key] as BuiltinDef
  if (def.param ? !(param !== undefined && def.param.pattern.test(param)) : param !== undefined)
    return undefined
  return { def, param }
}
