import {
  type BitcoinScheme,
  ChainError,
  describeKey,
  isDerivedNetwork,
  type NetworkId,
  type NetworkMode,
  networks,
  normalizeAddress,
} from '@coinbook/chain-watchers'
import type { Selectable } from 'kysely'
import type { Executor, ServiceContext } from '../../../context.js'
import type { WalletsTable } from '../../../db/database.js'
import { newId } from '../../../db/ids.js'
import { inTransaction } from '../../../db/transaction.js'
import { ConflictError, ValidationError } from '../../../errors.js'
import type { PutWalletInput } from '../schema.js'

type WalletRow = Pick<
  Selectable<WalletsTable>,
  'network' | 'xpub' | 'scheme' | 'address' | 'display_address' | 'next_index' | 'created_at'
>

function preview(xpub: string) {
  return `${xpub.slice(0, 8)}…${xpub.slice(-6)}`
}

/** The merchant's view of a wallet: what it is and the first addresses, to check against their wallet app. */
export function presentWallet(row: WalletRow, mode: NetworkMode) {
  const network = row.network as NetworkId
  const first = row.xpub
    ? describeKey(row.xpub, network, mode, {
        count: 3,
        ...(row.scheme ? { scheme: row.scheme as BitcoinScheme } : {}),
      }).addresses
    : []
  return {
    network,
    kind: row.xpub ? ('xpub' as const) : ('address' as const),
    scheme: row.scheme,
    keyPreview: row.xpub ? preview(row.xpub) : null,
    address: row.display_address ?? row.address,
    nextIndex: row.next_index,
    firstAddresses: first.map((a) => ({ index: a.index, address: a.address, path: a.path })),
    createdAt: row.created_at.toISOString(),
  }
}

/**
 * Sets the merchant's receiving key (or address) for a network. A different key retires the old one:
 * addresses already given out stay watched and attributed; new ones come from the new key.
 */
export async function putWallet({
  ctx,
  network,
  input,
  mode,
}: {
  ctx: ServiceContext
  network: NetworkId
  input: PutWalletInput
  mode: NetworkMode
}) {
  const derived = isDerivedNetwork(network)
  let scheme: string | null = null
  let address: string | null = null
  let displayAddress: string | null = null
  if (derived) {
    if (!input.xpub)
      throw new ValidationError('This network derives addresses from an xpub', [
        { path: 'xpub', message: `is required for ${networks[network].name}` },
      ])
    try {
      const described = describeKey(input.xpub, network, mode, {
        count: 1,
        ...(input.scheme ? { scheme: input.scheme } : {}),
      }).scheme
      // Only Bitcoin has script types; EVM and Tron keys have one derivation.
      scheme = networks[network].family === 'bitcoin' ? described : null
    } catch (err) {
      if (err instanceof ChainError)
        throw new ValidationError(err.shortMessage, [{ path: 'xpub', message: err.shortMessage }])
      throw err
    }
  } else {
    if (!input.address)
      throw new ValidationError('This network pays one wallet address', [
        { path: 'address', message: `is required for ${networks[network].name}` },
      ])
    try {
      address = normalizeAddress(network, input.address, mode)
      displayAddress = input.address
    } catch (err) {
      if (err instanceof ChainError)
        throw new ValidationError(err.shortMessage, [{ path: 'address', message: err.shortMessage }])
      throw err
    }
  }
  const xpub = derived ? input.xpub! : null

  const row = await inTransaction(ctx.db, async (trx) => {
    const current = await lockActiveWallet(trx, ctx.merchantId, network)
    if (current && current.xpub === xpub && current.address === address && current.scheme === scheme)
      return current
    if (address) {
      const taken = await trx
        .selectFrom('wallets')
        .select('merchant_id')
        .where('network', '=', network)
        .where('address', '=', address)
        .where('retired_at', 'is', null)
        .where('merchant_id', '!=', ctx.merchantId)
        .executeTakeFirst()
      if (taken) {
        throw new ConflictError(
          `Another Coinbook account receives on this ${networks[network].name} address; payments to it could not be told apart`,
          { field: 'address' },
        )
      }
    }
    if (current)
      await trx.updateTable('wallets').set({ retired_at: new Date() }).where('id', '=', current.id).execute()
    const created = await trx
      .insertInto('wallets')
      .values({
        id: newId(),
        merchant_id: ctx.merchantId,
        network,
        xpub,
        scheme,
        address,
        display_address: displayAddress,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('audit_log')
      .values({
        id: newId(),
        merchant_id: ctx.merchantId,
        actor_type: ctx.actor.type,
        actor_id: ctx.actor.id,
        action: current ? 'wallet.replaced' : 'wallet.created',
        subject_type: 'wallet',
        subject_id: created.id,
        data: JSON.stringify({
          network,
          scheme,
          keyPreview: xpub ? preview(xpub) : null,
          address: displayAddress,
        }),
      })
      .execute()
    return created
  })
  return presentWallet(row, mode)
}

export async function listWallets({ ctx, mode }: { ctx: ServiceContext; mode: NetworkMode }) {
  const rows = await ctx.db
    .selectFrom('wallets')
    .selectAll()
    .where('merchant_id', '=', ctx.merchantId)
    .where('retired_at', 'is', null)
    .orderBy('network')
    .execute()
  return rows.map((r) => presentWallet(r, mode))
}

/** The merchant's current wallet for a network, row-locked until the transaction ends (index allocation). */
export function lockActiveWallet(trx: Executor, merchantId: string, network: string) {
  return trx
    .selectFrom('wallets')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('network', '=', network)
    .where('retired_at', 'is', null)
    .forUpdate()
    .executeTakeFirst()
}
