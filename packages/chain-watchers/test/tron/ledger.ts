import { transferTopic } from '../../src/adapters/tron/trc20.js'

/** A transaction as tronweb builds and signs it (visible=false: addresses in 41-prefixed hex). */
export interface SignedTx {
  visible?: boolean
  txID: string
  raw_data: {
    contract: { parameter: { value: Record<string, unknown>; type_url: string }; type: string }[]
    ref_block_bytes: string
    ref_block_hash: string
    expiration: number
    timestamp: number
    fee_limit?: number
  }
  raw_data_hex: string
  signature: string[]
}

/** What running a transaction in a block gave: its ret and the TransactionInfo fields it produced. */
export interface Execution {
  contractRet: 'SUCCESS' | 'REVERT'
  /** TransactionInfo without id, blockNumber and blockTimeStamp (the block adds those). */
  info: Record<string, unknown>
}

/** java-tron's refusal of a broadcast: its response code and message. */
export class BroadcastError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

const TRANSFER = 'a9059cbb'
// The energy a TRC-20 transfer burns on mainnet (to a holder; a first transfer to a new holder costs more).
const TRANSFER_ENERGY = 64_285
const REVERT_ENERGY = 1_279
/** Sun per unit of energy burned by an account without staked energy (mainnet since August 2025). */
export const ENERGY_PRICE_SUN = 100

/**
 * TRX balances and the balances of TRC-20 contracts: the state that TransferContract and
 * `transfer(address,uint256)` calls change. Addresses are lowercase 41-prefixed hex.
 */
export class Ledger {
  readonly trx = new Map<string, bigint>()
  readonly tokens = new Map<string, Map<string, bigint>>()

  clone(): Ledger {
    const copy = new Ledger()
    for (const [a, v] of this.trx) copy.trx.set(a, v)
    for (const [c, holders] of this.tokens) copy.tokens.set(c, new Map(holders))
    return copy
  }

  balance(address: string): bigint {
    return this.trx.get(address) ?? 0n
  }

  tokenBalance(contract: string, holder: string): bigint {
    return this.tokens.get(contract)?.get(holder) ?? 0n
  }

  /**
   * Validates and runs one transaction. A TransferContract the owner cannot pay and a call to an
   * account that is no contract are refused (BroadcastError, as java-tron refuses them before they reach a
   * block); a token transfer beyond the sender's balance runs and reverts, like the TVM's require().
   */
  execute(tx: SignedTx): Execution {
    const contract = tx.raw_data.contract[0]
    if (!contract || tx.raw_data.contract.length !== 1) {
      throw new BroadcastError('CONTRACT_VALIDATE_ERROR', 'Contract size should be exactly 1')
    }
    const value = contract.parameter.value
    if (contract.type === 'TransferContract') return this.transfer(value)
    if (contract.type === 'TriggerSmartContract') return this.trigger(value)
    throw new BroadcastError('CONTRACT_VALIDATE_ERROR', `${contract.type} is not supported by this node`)
  }

  private transfer(value: Record<string, unknown>): Execution {
    const owner = String(value.owner_address).toLowerCase()
    const to = String(value.to_address).toLowerCase()
    const amount = BigInt(value.amount as number)
    if (amount <= 0n) throw new BroadcastError('CONTRACT_VALIDATE_ERROR', 'Amount must be greater than 0.')
    if (owner === to) throw new BroadcastError('CONTRACT_VALIDATE_ERROR', 'Cannot transfer TRX to yourself.')
    if (this.balance(owner) < amount) {
      throw new BroadcastError(
        'CONTRACT_VALIDATE_ERROR',
        'Validate TransferContract error, balance is not sufficient.',
      )
    }
    this.trx.set(owner, this.balance(owner) - amount)
    this.trx.set(to, this.balance(to) + amount)
    return { contractRet: 'SUCCESS', info: { contractResult: [''], receipt: { net_usage: 268 } } }
  }

  private trigger(value: Record<string, unknown>): Execution {
    const owner = String(value.owner_address).toLowerCase()
    const contract = String(value.contract_address).toLowerCase()
    const holders = this.tokens.get(contract)
    if (!holders) {
      throw new BroadcastError('CONTRACT_VALIDATE_ERROR', 'No contract or not a smart contract')
    }
    const data = String(value.data ?? '').toLowerCase()
    const callValue = BigInt((value.call_value as number | undefined) ?? 0)
    const base = { contract_address: contract }
    // Not payable, not transfer(address,uint256) with its two words: the contract's require() reverts.
    if (callValue > 0n || data.slice(0, 8) !== TRANSFER || data.length < 8 + 128) return revert(base)
    const to = `41${data.slice(8 + 24, 8 + 64)}`
    const amount = BigInt(`0x${data.slice(8 + 64, 8 + 128)}`)
    const held = holders.get(owner) ?? 0n
    if (held < amount) return revert(base)
    holders.set(owner, held - amount)
    holders.set(to, (holders.get(to) ?? 0n) + amount)
    return {
      contractRet: 'SUCCESS',
      info: {
        ...base,
        contractResult: [`${'0'.repeat(63)}1`],
        // The sender stakes nothing: the energy is paid in TRX (fee), the bandwidth from the free daily allowance.
        fee: TRANSFER_ENERGY * ENERGY_PRICE_SUN,
        receipt: {
          energy_fee: TRANSFER_ENERGY * ENERGY_PRICE_SUN,
          energy_usage_total: TRANSFER_ENERGY,
          net_usage: 345,
          result: 'SUCCESS',
        },
        log: [
          {
            address: contract.slice(2),
            topics: [transferTopic, word(owner), word(to)],
            data: amount.toString(16).padStart(64, '0'),
          },
        ],
      },
    }
  }
}

function revert(base: Record<string, unknown>): Execution {
  return {
    contractRet: 'REVERT',
    info: {
      ...base,
      contractResult: [''],
      fee: REVERT_ENERGY * ENERGY_PRICE_SUN,
      receipt: {
        energy_fee: REVERT_ENERGY * ENERGY_PRICE_SUN,
        energy_usage_total: REVERT_ENERGY,
        net_usage: 345,
        result: 'REVERT',
      },
      result: 'FAILED',
      resMessage: Buffer.from('REVERT opcode executed').toString('hex'),
    },
  }
}

/** A 41-prefixed address as a 32-byte topic: the TVM's 20-byte form, left-padded. */
function word(address: string) {
  return address.slice(2).padStart(64, '0')
}
