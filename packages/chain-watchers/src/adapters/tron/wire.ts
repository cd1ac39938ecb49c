import { tronBase58ToHex } from '../../derive/tron.js'
import { int64 } from './json.js'

// java-tron's JSON (visible=false), read with checks: the shapes of protocol.Block, Transaction and
// TransactionInfo as JsonFormat prints them, which leaves out every field at its default (number 0,
// empty lists, SUCESS/DEFAULT results).

/** A block header and, when asked for, its transactions. */
export interface TronBlock {
  /** blockID: 8 bytes of the number, then 24 bytes of the header's SHA-256; lowercase hex. */
  id: string
  number: bigint
  parentHash: string
  /** Milliseconds since the epoch. */
  timestamp: number
  transactions: TronTransaction[]
}

/** The first contract of a transaction (java-tron puts exactly one in each). */
export type TronContract =
  /** Addresses are lowercase 41-prefixed hex. */
  | { type: 'TransferContract'; owner: string; to: string; amount: bigint }
  | { type: 'TriggerSmartContract'; owner: string; contract: string; data: string; callValue: bigint }
  | { type: 'other'; name: string }

export interface TronTransaction {
  txID: string
  contract: TronContract | undefined
  /** ret[0].contractRet: SUCCESS, REVERT, OUT_OF_ENERGY, …; undefined before the transaction is mined. */
  contractRet: string | undefined
}

export interface TronLog {
  /** The emitting contract as 20-byte hex (no 41), as the TVM names it. */
  address: string
  topics: string[]
  data: string
}

export interface TronTransactionInfo {
  id: string
  blockNumber: bigint | undefined
  /** Milliseconds. */
  blockTimeStamp: number | undefined
  /** 'FAILED' when the transaction failed; undefined (SUCESS, the default) otherwise. */
  result: string | undefined
  /** receipt.result: SUCCESS, REVERT, OUT_OF_ENERGY, …; undefined (DEFAULT) for non-contract transactions. */
  receiptResult: string | undefined
  /** Sun the transaction burned for energy and bandwidth (JsonFormat omits 0). */
  fee: bigint
  logs: TronLog[]
}

/** An answer that is not what the API promises; the caller turns it into a retryable RpcError. */
export class MalformedAnswerError extends Error {
  override name = 'MalformedAnswerError'
}

const HASH = /^[0-9a-fA-F]{64}$/
const HEX = /^[0-9a-fA-F]*$/

/** An object that is empty: java-tron's answer for a block or transaction it does not have. */
export function isEmptyAnswer(json: unknown): boolean {
  return isRecord(json) && Object.keys(json).length === 0
}

/** Reads a Block; `withTransactions: false` skips the transactions (head and reorg checks need none). */
export function readBlock(json: unknown, withTransactions = true): TronBlock {
  const block = record(json, 'block')
  const raw = record(record(block.block_header, 'block_header').raw_data, 'block_header.raw_data')
  const number = raw.number === undefined ? 0n : int64(raw.number)
  const timestamp = raw.timestamp === undefined ? 0 : raw.timestamp
  if (number === undefined || number < 0n) throw new MalformedAnswerError('block number is not an int64')
  if (typeof timestamp !== 'number' || !Number.isSafeInteger(timestamp)) {
    throw new MalformedAnswerError('block timestamp is not an integer')
  }
  const txs = block.transactions ?? []
  if (!Array.isArray(txs)) throw new MalformedAnswerError('block transactions is not a list')
  return {
    id: hash(block.blockID, 'blockID'),
    number,
    parentHash: hash(raw.parentHash, 'parentHash'),
    timestamp,
    transactions: withTransactions ? txs.map(readTransaction) : [],
  }
}

/** Reads a Transaction as blocks and gettransactionbyid carry it. */
export function readTransaction(json: unknown): TronTransaction {
  const tx = record(json, 'transaction')
  const raw = record(tx.raw_data, 'raw_data')
  const contracts = raw.contract ?? []
  if (!Array.isArray(contracts)) throw new MalformedAnswerError('raw_data.contract is not a list')
  const ret = tx.ret === undefined ? [] : tx.ret
  if (!Array.isArray(ret)) throw new MalformedAnswerError('ret is not a list')
  const first = ret[0] === undefined ? undefined : record(ret[0], 'ret[0]')
  const contractRet = first?.contractRet
  if (contractRet !== undefined && typeof contractRet !== 'string') {
    throw new MalformedAnswerError('ret[0].contractRet is not a string')
  }
  return {
    txID: hash(tx.txID, 'txID'),
    contract: contracts[0] === undefined ? undefined : readContract(contracts[0]),
    // A mined transaction with no contractRet ran with the DEFAULT result, which JsonFormat leaves out.
    contractRet: first ? (contractRet ?? 'DEFAULT') : undefined,
  }
}

function readContract(json: unknown): TronContract {
  const contract = record(json, 'contract')
  const type = contract.type
  if (typeof type !== 'string') throw new MalformedAnswerError('contract type is not a string')
  const value = record(record(contract.parameter, 'contract.parameter').value, 'contract.parameter.value')
  if (type === 'TransferContract') {
    const amount = value.amount === undefined ? 0n : int64(value.amount)
    if (amount === undefined) throw new MalformedAnswerError('TransferContract amount is not an int64')
    return { type, owner: account(value.owner_address), to: account(value.to_address), amount }
  }
  if (type === 'TriggerSmartContract') {
    const callValue = value.call_value === undefined ? 0n : int64(value.call_value)
    const data = value.data ?? ''
    if (callValue === undefined) throw new MalformedAnswerError('call_value is not an int64')
    if (typeof data !== 'string' || !HEX.test(data)) throw new MalformedAnswerError('call data is not hex')
    return {
      type,
      owner: account(value.owner_address),
      contract: account(value.contract_address),
      data: data.toLowerCase(),
      callValue,
    }
  }
  return { type: 'other', name: type }
}

/** Reads a TransactionInfo (gettransactioninfobyid, and each entry of gettransactioninfobyblocknum). */
export function readTransactionInfo(json: unknown): TronTransactionInfo {
  const info = record(json, 'transaction info')
  const blockNumber = info.blockNumber === undefined ? undefined : int64(info.blockNumber)
  if (info.blockNumber !== undefined && blockNumber === undefined) {
    throw new MalformedAnswerError('blockNumber is not an int64')
  }
  const time = info.blockTimeStamp
  if (time !== undefined && (typeof time !== 'number' || !Number.isSafeInteger(time))) {
    throw new MalformedAnswerError('blockTimeStamp is not an integer')
  }
  const receipt = info.receipt === undefined ? {} : record(info.receipt, 'receipt')
  const fee = info.fee === undefined ? 0n : int64(info.fee)
  if (fee === undefined || fee < 0n) throw new MalformedAnswerError('fee is not a non-negative int64')
  const logs = info.log ?? []
  if (!Array.isArray(logs)) throw new MalformedAnswerError('log is not a list')
  return {
    id: hash(info.id, 'id'),
    blockNumber,
    blockTimeStamp: time,
    result: optionalString(info.result, 'result'),
    receiptResult: optionalString(receipt.result, 'receipt.result'),
    fee,
    logs: logs.map(readLog),
  }
}

function readLog(json: unknown): TronLog {
  const log = record(json, 'log')
  const topics = log.topics ?? []
  const address = log.address
  const data = log.data ?? ''
  if (typeof address !== 'string' || !/^(41)?[0-9a-fA-F]{40}$/.test(address)) {
    throw new MalformedAnswerError('log address is not a 20-byte hex address')
  }
  if (!Array.isArray(topics) || !topics.every((t) => typeof t === 'string' && HEX.test(t))) {
    throw new MalformedAnswerError('log topics are not hex strings')
  }
  if (typeof data !== 'string' || !HEX.test(data)) throw new MalformedAnswerError('log data is not hex')
  return {
    address: address.slice(-40).toLowerCase(),
    topics: topics.map((t: string) => t.toLowerCase()),
    data: data.toLowerCase(),
  }
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (!isRecord(value)) throw new MalformedAnswerError(`${what} is not an object`)
  return value
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function hash(value: unknown, what: string): string {
  if (typeof value !== 'string' || !HASH.test(value)) throw new MalformedAnswerError(`${what} is not a hash`)
  return value.toLowerCase()
}

function optionalString(value: unknown, what: string): string | undefined {
  if (value !== undefined && typeof value !== 'string')
    throw new MalformedAnswerError(`${what} is not a string`)
  return value
}

/** An account in 41-prefixed hex (visible=false), or base58 from a node that answers visible=true anyway. */
function account(value: unknown): string {
  if (typeof value === 'string' && /^41[0-9a-fA-F]{40}$/.test(value)) return value.toLowerCase()
  if (typeof value === 'string' && value.startsWith('T')) {
    try {
      return tronBase58ToHex(value)
    } catch {
      // Not an address either: reported below.
    }
  }
  throw new MalformedAnswerError(`${String(value)} is not a Tron address`)
}
