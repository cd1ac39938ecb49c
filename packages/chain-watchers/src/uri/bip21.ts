import { InvalidInputError } from '../errors.js'
import { formatUnits, parseUnits } from '../money.js'
import { assertPositive, buildQuery, parseQuery } from './query.js'

const BTC_DECIMALS = 8

export interface Bip21Parameters {
  address: string
  /** Satoshis; written as a BTC decimal ("0.0015"). */
  amount?: bigint
  /** Who is asking (the merchant's name). */
  label?: string
  /** What the payment is for. */
  message?: string
}

/** A BIP21 payment URI: `bitcoin:<address>?amount=<BTC>&label=…&message=…`. */
export function bip21Uri({ address, amount, label, message }: Bip21Parameters): string {
  assertPositive(amount)
  const query = buildQuery([
    ['amount', amount === undefined ? undefined : formatUnits(amount, BTC_DECIMALS)],
    ['label', label],
    ['message', message],
  ])
  return `bitcoin:${address}${query}`
}

/** A decoded BIP21 URI; `params` holds every parameter, known or not. */
export interface Bip21Request {
  address: string
  amount?: bigint
  label?: string
  message?: string
  params: Record<string, string>
}

/** Parses a BIP21 URI, refusing `req-` parameters it does not understand as BIP21 requires. */
export function parseBip21(uri: string): Bip21Request {
  const m = /^bitcoin:([^?]*)(?:\?(.*))?$/i.exec(uri.trim())
  if (!m?.[1]) throw new InvalidInputError('Not a BIP21 URI: expected bitcoin:<address>')
  const request: Bip21Request = { address: m[1], params: {} }
  for (const [key, value] of parseQuery(m[2] ?? '')) {
    if (key in request.params) throw new InvalidInputError(`BIP21 parameter "${key}" appears twice`)
    request.params[key] = value
    if (key === 'amount') request.amount = parseBtcAmount(value)
    else if (key === 'label') request.label = value
    else if (key === 'message') request.message = value
    else if (key.startsWith('req-')) throw new InvalidInputError(`BIP21 URI requires unsupported "${key}"`)
  }
  return request
}

function parseBtcAmount(value: string): bigint {
  // BIP21: *digit [ "." *digit ], in BTC, never in scientific notation or with a thousands separator.
  const m = /^(\d*)(?:\.(\d*))?$/.exec(value)
  if (!m || (m[1] === '' && !m[2])) throw new InvalidInputError(`Invalid BIP21 amount "${value}"`)
  try {
    return parseUnits(`${m[1] || '0'}${m[2] ? `.${m[2]}` : ''}`, BTC_DECIMALS)
  } catch (cause) {
    throw new InvalidInputError(`Invalid BIP21 amount "${value}": more than 8 decimal places`, { cause })
  }
}
