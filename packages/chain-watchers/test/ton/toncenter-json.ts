import {
  Address,
  beginCell,
  type Cell,
  Dictionary,
  loadMessage,
  type Message,
  storeStateInit,
  type Transaction,
} from '@ton/core'
import { readTextComment } from '../../src/adapters/ton/comment.js'

/** How the node writes addresses: user-friendly, bounceable, URL-safe; test-only flags off mainnet. */
export interface JsonOptions {
  testOnly: boolean
}

/**
 * A transaction as toncenter v2's getTransactions returns it (`raw.transaction`): the BOC in `data`, the id
 * with a base64 hash, fees as decimal strings, and the messages decoded the way tonlib does (text comments
 * as `msg.dataText` plus the text in `message`, other bodies as `msg.dataRaw`).
 */
export function transactionJson(tx: Transaction, opts: JsonOptions) {
  const { inCell, outCells } = messageCells(tx.raw)
  const d = tx.description
  const storageFee = d.type === 'generic' ? (d.storagePhase?.storageFeesCollected ?? 0n) : 0n
  const fee = tx.totalFees.coins
  const account = `0:${tx.address.toString(16).padStart(64, '0')}`
  return {
    '@type': 'raw.transaction',
    address: { '@type': 'accountAddress', account_address: friendly(account, opts) },
    utime: tx.now,
    data: tx.raw.toBoc().toString('base64'),
    transaction_id: {
      '@type': 'internal.transactionId',
      lt: tx.lt.toString(),
      hash: tx.hash().toString('base64'),
    },
    fee: fee.toString(),
    storage_fee: storageFee.toString(),
    other_fee: (fee - storageFee).toString(),
    // toncenter always writes in_msg; a transaction without one (tick-tock) gets an empty message.
    in_msg: inCell ? messageJson(loadMessage(inCell.beginParse()), inCell, opts) : emptyMessage(),
    out_msgs: outCells.map((cell) => messageJson(loadMessage(cell.beginParse()), cell, opts)),
  }
}

export function messageJson(message: Message, cell: Cell, opts: JsonOptions) {
  const { info, body, init } = message
  const text = readTextComment(body)
  const internal = info.type === 'internal' ? info : undefined
  return {
    '@type': 'raw.message',
    hash: cell.hash().toString('base64'),
    source: info.type === 'external-in' ? '' : addressString(info.src, opts),
    destination: info.type === 'external-out' ? '' : addressString(info.dest, opts),
    value: (internal?.value.coins ?? 0n).toString(),
    extra_currencies: [],
    fwd_fee: (internal?.forwardFee ?? 0n).toString(),
    ihr_fee: (internal?.ihrFee ?? 0n).toString(),
    created_lt: (info.type === 'external-in' ? 0n : info.createdLt).toString(),
    body_hash: body.hash().toString('base64'),
    msg_data:
      text !== undefined
        ? { '@type': 'msg.dataText', text: Buffer.from(text, 'utf8').toString('base64') }
        : {
            '@type': 'msg.dataRaw',
            body: body.toBoc().toString('base64'),
            init_state: init
              ? beginCell().store(storeStateInit(init)).endCell().toBoc().toString('base64')
              : '',
          },
    // tonlib's decoding: the text of a comment, else the body cell's own bits in base64.
    message: text ?? bodyBits(body),
  }
}

function emptyMessage() {
  return {
    '@type': 'raw.message',
    hash: Buffer.alloc(32).toString('base64'),
    source: '',
    destination: '',
    value: '0',
    extra_currencies: [],
    fwd_fee: '0',
    ihr_fee: '0',
    created_lt: '0',
    body_hash: beginCell().endCell().hash().toString('base64'),
    msg_data: {
      '@type': 'msg.dataRaw',
      body: beginCell().endCell().toBoc().toString('base64'),
      init_state: '',
    },
    message: '',
  }
}

export function friendly(raw: string, opts: JsonOptions): string {
  return Address.parseRaw(raw).toString({ testOnly: opts.testOnly })
}

// External addresses (of external messages) are written as empty strings, like toncenter does.
function addressString(address: unknown, opts: JsonOptions): string {
  return Address.isAddress(address) ? address.toString({ testOnly: opts.testOnly }) : ''
}

function bodyBits(body: Cell): string {
  const s = body.beginParse()
  return s.loadBuffer(Math.floor(s.remainingBits / 8)).toString('base64')
}

// The transaction's ^[ in_msg:(Maybe ^Message) out_msgs:(HashmapE 15 ^Message) ]: the cells as sent.
function messageCells(raw: Cell): { inCell: Cell | undefined; outCells: Cell[] } {
  const s = raw.refs[0]!.beginParse()
  const inCell = s.loadBit() ? s.loadRef() : undefined
  const outs = s.loadDict(Dictionary.Keys.Uint(15), Dictionary.Values.Cell())
  return { inCell, outCells: [...outs.keys()].sort((a, b) => a - b).map((k) => outs.get(k)!) }
}
