import {
  type BitcoinScheme,
  ChainError,
  deriveAddress,
  findPaymentOption,
  isDerivedNetwork,
  type NetworkMode,
  networks,
  newSolanaReference,
  newTonComment,
  normalizeAddress,
  parseUnits,
  paymentUri,
  qrSvg,
} from '@coinbook/chain-watchers'
import type { Selectable, Transaction } from 'kysely'
import type { ServiceContext } from '../../../context.js'
import type { Database, DepositTargetsTable } from '../../../db/database.js'
import { newId } from '../../../db/ids.js'
import { inTransaction } from '../../../db/transaction.js'
import { ConflictError, NotFoundError, ValidationError } from '../../../errors.js'
import { lockActiveWallet } from '../../wallets/services/wallets.js'
import type { CreateDepositTargetInput } from '../schema.js'

type TargetRow = Pick<
  DepositTargetsTable,
  'id' | 'network' | 'display_address' | 'memo' | 'reference' | 'derivation_path' | 'source'
> & { customer_id: string; created_at: Date }

/**
 * The customer's deposit address on a network: the current one, or a new one (`fresh`), derived from the
 * merchant's key at the next index — taken under the wallet's row lock, so no index is used twice — or an
 * address the merchant attaches. Returns the address with its payment URI and QR code.
 */
export async function allocateDepositTarget({
  ctx,
  customerId,
  input,
  mode,
  tokens,
  onAllocated,
  invoiceId,
}: {
  ctx: ServiceContext
  customerId: string
  input: CreateDepositTargetInput
  mode: NetworkMode
  /** Token contracts configured beyond the registry's (testnets, devnets), for the payment URI. */
  tokens?: readonly { asset: string; contract: string }[]
  /** Told of every new target, so running watchers start looking for it at once. */
  onAllocated?: (network: string, address: string) => void
  /** A quote's target: always fresh, and never the customer's stable address afterwards. */
  invoiceId?: string
}) {
  const { row, uri } = await allocateTarget({
    ctx,
    customerId,
    input,
    mode,
    ...(tokens ? { tokens } : {}),
    ...(onAllocated ? { onAllocated } : {}),
    invoiceId: invoiceId ?? null,
  })
  return {
    ...presentTarget({ ...row, customer_id: customerId }),
    asset: input.asset,
    uri,
    qrSvg: await qrSvg(uri),
  }
}

/**
 * A fresh target of no customer yet, for a payment link session's quote (issue 11): the payment that
 * arrives on it creates or matches the payer's profile, and the target becomes that customer's.
 */
export async function allocatePayerTarget(args: {
  ctx: ServiceContext
  input: Pick<CreateDepositTargetInput, 'asset' | 'network' | 'amount'>
  mode: NetworkMode
  tokens?: readonly { asset: string; contract: string }[]
  onAllocated?: (network: string, address: string) => void
}) {
  return allocateTarget({ ...args, customerId: null, input: { ...args.input, fresh: true }, invoiceId: null })
}

type TargetRecord = Selectable<DepositTargetsTable>

async function allocateTarget({
  ctx,
  customerId,
  input,
  mode,
  tokens,
  onAllocated,
  invoiceId,
}: {
  ctx: ServiceContext
  /** Null: a payment link payer's target, always fresh. */
  customerId: string | null
  input: CreateDepositTargetInput
  mode: NetworkMode
  tokens?: readonly { asset: string; contract: string }[]
  onAllocated?: (network: string, address: string) => void
  invoiceId: string | null
}): Promise<{ row: TargetRecord; uri: string }> {
  const owner = invoiceId
  const fresh = input.fresh === true || owner !== null || customerId === null
  const { network, asset } = input
  const option = findPaymentOption(asset, network, mode)
  if (!option) {
    throw new ValidationError(`${asset} cannot be paid on ${networks[network].name}`, [
      { path: 'asset', message: `is not paid on ${network}` },
    ])
  }
  let amount: bigint | undefined
  if (input.amount !== undefined) {
    try {
      amount = parseUnits(input.amount, option.decimals)
    } catch {
      throw new ValidationError('The amount has too many decimals', [
        { path: 'amount', message: `${asset} has ${option.decimals} decimals` },
      ])
    }
  }

  const row = await inTransaction(ctx.db, async (trx): Promise<TargetRecord> => {
    if (customerId !== null) await assertCustomer({ ...ctx, db: trx }, customerId)

    if (!isDerivedNetwork(network)) {
      if (input.address !== undefined) {
        throw new ValidationError(
          `${networks[network].name} customers pay the merchant wallet with their own ${network === 'ton' ? 'comment' : 'reference'}; there is no address to attach`,
          [{ path: 'address', message: `cannot be attached on ${network}` }],
        )
      }
      return allocateOnWallet(trx, ctx, customerId, network, fresh, owner)
    }
    if (input.address !== undefined) {
      if (customerId === null) throw new ValidationError('A payer’s address is always derived')
      return attach(trx, ctx, customerId, network, input.address, mode)
    }

    const wallet = await lockActiveWallet(trx, ctx.merchantId, network)
    if (!wallet?.xpub) {
      throw new ConflictError(
        `Set up a ${networks[network].name} wallet first (PUT /api/v1/wallets/${network})`,
        {
          missing: 'wallet',
        },
      )
    }
    if (!fresh && customerId !== null) {
      const existing = await trx
        .selectFrom('deposit_targets')
        .selectAll()
        .where('merchant_id', '=', ctx.merchantId)
        .where('customer_id', '=', customerId)
        .where('network', '=', network)
        .where('wallet_id', '=', wallet.id)
        .where('invoice_id', 'is', null)
        .orderBy('id', 'desc')
        .executeTakeFirst()
      if (existing) return existing
    }
    // An index whose address is already watched (the same key connected again after another one, or
    // an address attached by hand) is skipped, never shared; a key that another merchant uses is refused,
    // since its payments could not be told apart.
    for (let index = wallet.next_index; index < wallet.next_index + 1000; index++) {
      const derived = deriveAddress({
        network,
        xpub: wallet.xpub,
        index,
        mode,
        ...(wallet.scheme ? { scheme: wallet.scheme as BitcoinScheme } : {}),
      })
      const address = normalizeAddress(network, derived.address, mode)
      const created = await trx
        .insertInto('deposit_targets')
        .values({
          id: newId(),
          merchant_id: ctx.merchantId,
          customer_id: customerId,
          network,
          address,
          display_address: derived.address,
          wallet_id: wallet.id,
          derivation_index: index,
          derivation_path: derived.path,
          source: 'derived',
          invoice_id: owner,
        })
        .onConflict((oc) => oc.doNothing())
        .returningAll()
        .executeTakeFirst()
      await trx
        .updateTable('wallets')
        .set({ next_index: index + 1 })
        .where('id', '=', wallet.id)
        .execute()
      if (created) {
        onAllocated?.(network, created.address)
        return created
      }
      const holder = await trx
        .selectFrom('deposit_targets')
        .select('merchant_id')
        .where('network', '=', network)
        .where('address', '=', address)
        .where('memo', 'is', null)
        .where('reference', 'is', null)
        .executeTakeFirst()
      if (holder && holder.merchant_id !== ctx.merchantId) {
        throw new ConflictError(
          `This ${networks[network].name} key derives addresses another Coinbook account already watches; use a key of your own`,
          { field: 'xpub' },
        )
      }
    }
    throw new ConflictError('The next 1,000 addresses of this key are all in use already; connect a new key')
  })

  const contract = tokens?.find((t) => t.asset === asset)?.contract
  const uri = paymentUri({
    network,
    asset,
    address: row.display_address,
    mode,
    ...(amount !== undefined ? { amount } : {}),
    ...(contract ? { contract } : {}),
    ...(row.reference ? { reference: row.reference } : {}),
    ...(row.memo ? { memo: row.memo } : {}),
  })
  return { row, uri }
}

/**
 * Solana and TON: customers pay the merchant's one wallet, told apart by a Solana Pay reference key or a
 * TON comment code of their own, random and unique (a clash, however unlikely, draws again).
 */
async function allocateOnWallet(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  customerId: string | null,
  network: CreateDepositTargetInput['network'],
  fresh: boolean,
  invoiceId: string | null,
) {
  const wallet = await lockActiveWallet(trx, ctx.merchantId, network)
  if (!wallet?.address) {
    throw new ConflictError(
      `Set up the ${networks[network].name} receiving wallet first (PUT /api/v1/wallets/${network})`,
      { missing: 'wallet' },
    )
  }
  if (!fresh && customerId !== null) {
    const existing = await trx
      .selectFrom('deposit_targets')
      .selectAll()
      .where('merchant_id', '=', ctx.merchantId)
      .where('customer_id', '=', customerId)
      .where('wallet_id', '=', wallet.id)
      .where('invoice_id', 'is', null)
      .orderBy('id', 'desc')
      .executeTakeFirst()
    if (existing) return existing
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    const created = await trx
      .insertInto('deposit_targets')
      .values({
        id: newId(),
        merchant_id: ctx.merchantId,
        customer_id: customerId,
        network,
        address: wallet.address,
        display_address: wallet.display_address ?? wallet.address,
        wallet_id: wallet.id,
        ...(network === 'ton' ? { memo: newTonComment() } : { reference: newSolanaReference() }),
        source: 'derived',
        invoice_id: invoiceId,
      })
      .onConflict((oc) => oc.doNothing())
      .returningAll()
      .executeTakeFirst()
    if (created) return created
  }
  throw new ConflictError('Could not draw a unique payment code; try again')
}

async function attach(
  trx: Parameters<Parameters<typeof inTransaction>[1]>[0],
  ctx: ServiceContext,
  customerId: string,
  network: CreateDepositTargetInput['network'],
  address: string,
  mode: NetworkMode,
) {
  let normalized: string
  try {
    normalized = normalizeAddress(network, address, mode)
  } catch (err) {
    if (err instanceof ChainError)
      throw new ValidationError(err.shortMessage, [{ path: 'address', message: err.shortMessage }])
    throw err
  }
  const created = await trx
    .insertInto('deposit_targets')
    .values({
      id: newId(),
      merchant_id: ctx.merchantId,
      customer_id: customerId,
      network,
      address: normalized,
      display_address: address,
      source: 'attached',
    })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst()
  if (created) return created
  const owner = await trx
    .selectFrom('deposit_targets')
    .selectAll()
    .where('network', '=', network)
    .where('address', '=', normalized)
    .where('memo', 'is', null)
    .where('reference', 'is', null)
    .executeTakeFirstOrThrow()
  if (owner.merchant_id === ctx.merchantId && owner.customer_id === customerId) return owner
  // Say whose it is only inside the same merchant.
  throw new ConflictError(
    'This address is already watched for another customer',
    owner.merchant_id === ctx.merchantId ? { existingCustomerId: owner.customer_id } : undefined,
  )
}

export function presentTarget(row: TargetRow) {
  return {
    id: row.id,
    customerId: row.customer_id,
    network: row.network as CreateDepositTargetInput['network'],
    address: row.display_address,
    memo: row.memo,
    reference: row.reference,
    derivationPath: row.derivation_path,
    source: row.source,
    createdAt: row.created_at.toISOString(),
  }
}

/** Every deposit target of a customer, newest first. */
export async function listDepositTargets({ ctx, customerId }: { ctx: ServiceContext; customerId: string }) {
  await assertCustomer(ctx, customerId)
  const rows = await ctx.db
    .selectFrom('deposit_targets')
    .selectAll()
    .where('merchant_id', '=', ctx.merchantId)
    .where('customer_id', '=', customerId)
    .orderBy('id', 'desc')
    .$narrowType<{ customer_id: string }>()
    .execute()
  return rows.map(presentTarget)
}

/** 404 unless the customer is this merchant's and not deleted. */
export async function assertCustomer(ctx: ServiceContext, customerId: string) {
  const found = await ctx.db
    .selectFrom('customers')
    .select('id')
    .where('merchant_id', '=', ctx.merchantId)
    .where('id', '=', customerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!found) throw new NotFoundError('Customer', customerId)
}
