import { isDerivedNetwork, type NetworkMode, networks } from '@coinbook/chain-watchers'
import type { Selectable } from 'kysely'
import type { ServiceContext } from '../../../context.js'
import type { SharedReceivingAddressesTable } from '../../../db/database.js'
import { newId } from '../../../db/ids.js'
import { inTransaction } from '../../../db/transaction.js'
import { ConflictError, NotFoundError, ValidationError } from '../../../errors.js'
import { validateAddress } from '../../payment-methods/services/validate-address.js'
import type { AddSharedAddressInput } from '../schema.js'

function presentSharedAddress(row: Selectable<SharedReceivingAddressesTable>) {
  return {
    id: row.id,
    network: row.network as AddSharedAddressInput['network'],
    address: row.display_address,
    label: row.label,
    createdAt: row.created_at.toISOString(),
  }
}

/** The addresses on EVM, Bitcoin and Tron that the merchant gives to every customer. */
export async function listSharedAddresses({ ctx }: { ctx: ServiceContext }) {
  const rows = await ctx.db
    .selectFrom('shared_receiving_addresses')
    .selectAll()
    .where('merchant_id', '=', ctx.merchantId)
    .orderBy('network')
    .orderBy('id')
    .execute()
  return rows.map(presentSharedAddress)
}

/**
 * Lists an address the merchant receives on from everyone (a donation address, one printed on an
 * invoice template). Payments to it carry nothing that names a customer, so they are recognised by the
 * sender's wallet or an open quote's exact amount, and otherwise wait in the inbox. Solana and TON
 * wallets are shared already; a customer's deposit address or another account's shared address is refused.
 */
export async function addSharedAddress({
  ctx,
  input,
  mode,
  onAdded,
}: {
  ctx: ServiceContext
  input: AddSharedAddressInput
  mode: NetworkMode
  /** Told of the address, so running watchers look for payments to it at once. */
  onAdded?: (network: string, address: string) => void
}) {
  const { network } = input
  if (!isDerivedNetwork(network)) {
    throw new ValidationError(
      `Every ${networks[network].name} payment goes to your wallet, which is shared already`,
      [{ path: 'network', message: `needs no shared address on ${network}` }],
    )
  }
  const address = validateAddress(network, input.address, mode)
  const row = await inTransaction(ctx.db, async (trx) => {
    const target = await trx
      .selectFrom('deposit_targets')
      .select('merchant_id')
      .where('network', '=', network)
      .where('address', '=', address)
      .executeTakeFirst()
    if (target) {
      throw new ConflictError(
        target.merchant_id === ctx.merchantId
          ? 'This address is a customer’s deposit address; payments to it are theirs already'
          : 'Another Coinbook account receives on this address',
        { field: 'address' },
      )
    }
    const created = await trx
      .insertInto('shared_receiving_addresses')
      .values({
        id: newId(),
        merchant_id: ctx.merchantId,
        network,
        address,
        display_address: input.address,
        label: input.label ?? null,
      })
      .onConflict((oc) => oc.doNothing())
      .returningAll()
      .executeTakeFirst()
    if (!created) {
      throw new ConflictError('This address is listed as shared already (by you or another account)', {
        field: 'address',
      })
    }
    await trx
      .insertInto('audit_log')
      .values({
        id: newId(),
        merchant_id: ctx.merchantId,
        actor_type: ctx.actor.type,
        actor_id: ctx.actor.id,
        action: 'wallet.shared_address_added',
        subject_type: 'shared_receiving_address',
        subject_id: created.id,
        data: JSON.stringify({ network, address: input.address }),
      })
      .execute()
    return created
  })
  onAdded?.(network, address)
  return presentSharedAddress(row)
}

/** Stops treating an address as shared: payments already recorded stay; new ones to it are not recorded. */
export async function removeSharedAddress({ ctx, id }: { ctx: ServiceContext; id: string }) {
  await inTransaction(ctx.db, async (trx) => {
    const removed = await trx
      .deleteFrom('shared_receiving_addresses')
      .where('merchant_id', '=', ctx.merchantId)
      .where('id', '=', id)
      .returning(['network', 'display_address'])
      .executeTakeFirst()
    if (!removed) throw new NotFoundError('Shared address', id)
    await trx
      .insertInto('audit_log')
      .values({
        id: newId(),
        merchant_id: ctx.merchantId,
        actor_type: ctx.actor.type,
        actor_id: ctx.actor.id,
        action: 'wallet.shared_address_removed',
        subject_type: 'shared_receiving_address',
        subject_id: id,
        data: JSON.stringify({ network: removed.network, address: removed.display_address }),
      })
      .execute()
  })
}
