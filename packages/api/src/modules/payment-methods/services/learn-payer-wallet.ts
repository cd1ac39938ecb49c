import { type NetworkId, type NetworkMode, normalizeAddress } from '@coinbook/chain-watchers'
import { sql, type Transaction } from 'kysely'
import type { Database } from '../../../db/database.js'
import { newId } from '../../../db/ids.js'

export interface PayerSighting {
  merchantId: string
  customerId: string
  network: string
  from: string | null
  to: string
  seenAt: Date
}

/**
 * Remembers the wallets attributed payments came from, in the payments' transaction, set-wise: one more
 * payment per sighting for (merchant, network, sender, customer), and an address flagged shared as soon as
 * it is known for more than one customer (an exchange's hot wallet, a family's wallet), after which it
 * recognises nobody. A sender that is not an address of the network (none, or a form the network does not
 * use) is skipped, and so is a transfer from the receiving address itself (a consolidation).
 */
export async function learnPayerWallets(
  trx: Transaction<Database>,
  sightings: readonly PayerSighting[],
  mode?: NetworkMode,
): Promise<void> {
  const wallets = new Map<
    string,
    {
      merchantId: string
      customerId: string
      network: string
      address: string
      display: string
      count: number
      first: Date
      last: Date
    }
  >()
  for (const s of sightings) {
    const address = payerAddress(s.network, s.from, mode)
    if (!address || address === payerAddress(s.network, s.to, mode)) continue
    const key = `${s.merchantId}\u0000${s.network}\u0000${address}\u0000${s.customerId}`
    const w = wallets.get(key)
    if (w) {
      w.count++
      if (s.seenAt < w.first) w.first = s.seenAt
      if (s.seenAt > w.last) w.last = s.seenAt
    } else {
      wallets.set(key, { ...s, address, display: s.from!, count: 1, first: s.seenAt, last: s.seenAt })
    }
  }
  if (wallets.size === 0) return
  // In key order, so that two transactions upserting overlapping wallets take their locks in one order.
  const rows = [...wallets.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, w]) => w)
  const col = <T>(f: (w: (typeof rows)[number]) => T) => rows.map(f)
  await sql`
    insert into payer_wallets (id, merchant_id, customer_id, network, address, display_address, source,
      payment_count, first_seen_at, last_seen_at)
    select v.id, v.merchant_id, v.customer_id, v.network, v.address, v.display_address, 'learned',
      v.payment_count, v.first_seen_at, v.last_seen_at
    from unnest(${col(() => newId())}::uuid[], ${col((w) => w.merchantId)}::uuid[], ${col((w) => w.customerId)}::uuid[],
      ${col((w) => w.network)}::text[], ${col((w) => w.address)}::text[], ${col((w) => w.display)}::text[],
      ${col((w) => w.count)}::int[], ${col((w) => w.first.toISOString())}::timestamptz[],
      ${col((w) => w.last.toISOString())}::timestamptz[])
      as v(id, merchant_id, customer_id, network, address, display_address, payment_count, first_seen_at, last_seen_at)
    on conflict (merchant_id, network, address, customer_id) do update set
      payment_count = payer_wallets.payment_count + excluded.payment_count,
      first_seen_at = least(coalesce(payer_wallets.first_seen_at, excluded.first_seen_at), excluded.first_seen_at),
      last_seen_at = greatest(coalesce(payer_wallets.last_seen_at, excluded.last_seen_at), excluded.last_seen_at),
      updated_at = now()`.execute(trx)
  const addresses = new Map(rows.map((w) => [`${w.merchantId}\u0000${w.network}\u0000${w.address}`, w]))
  await flagSharedAddresses(trx, [...addresses.values()])
}

/** Remembers the wallet one attributed payment came from (see learnPayerWallets). */
export async function learnPayerWallet(
  trx: Transaction<Database>,
  payment: PayerSighting,
  mode?: NetworkMode,
): Promise<void> {
  await learnPayerWallets(trx, [payment], mode)
}

/** Marks every row of each address shared when the address belongs to more than one customer of the merchant. */
export async function flagSharedAddresses(
  trx: Transaction<Database>,
  addresses: readonly { merchantId: string; network: string; address: string }[],
) {
  if (addresses.length === 0) return
  await sql`
    update payer_wallets w set shared = true, updated_at = now()
    from unnest(${addresses.map((a) => a.merchantId)}::uuid[], ${addresses.map((a) => a.network)}::text[],
      ${addresses.map((a) => a.address)}::text[]) as v(merchant_id, network, address)
    where w.merchant_id = v.merchant_id and w.network = v.network and w.address = v.address and not w.shared
      and (select count(*) from payer_wallets o
        where o.merchant_id = v.merchant_id and o.network = v.network and o.address = v.address) > 1`.execute(
    trx,
  )
}

/** The normalised form of a sender, or undefined when it is none of the network's addresses. */
export function payerAddress(network: string, from: string | null, mode?: NetworkMode): string | undefined {
  if (!from) return undefined
  try {
    return normalizeAddress(network as NetworkId, from, mode)
  } catch {
    return undefined
  }
}
