import { getAddress, isAddress } from 'viem'
import { InvalidInputError } from '../errors.js'
import { assertPositive, buildQuery, parseQuery } from './query.js'

export interface Eip681NativeParameters {
  /** The recipient of the native coin. */
  address: string
  /** EIP-155 chain id, so the wallet switches to the right network. */
  chainId?: number
  /** Wei (or the native coin's base unit), written as a plain integer. */
  value?: bigint
}

/** An EIP-681 request for the native coin: `ethereum:<address>@<chainId>?value=<wei>`. */
export function eip681NativeUri({ address, chainId, value }: Eip681NativeParameters): string {
  assertPositive(value)
  return `ethereum:${checksum(address)}${chainSuffix(chainId)}${buildQuery([['value', value?.toString()]])}`
}

export interface Eip681TransferParameters {
  /** The ERC-20 contract. */
  token: string
  recipient: string
  chainId?: number
  /** Base units of the token. */
  amount?: bigint
}

/** An EIP-681 ERC-20 transfer: `ethereum:<token>@<chainId>/transfer?address=<recipient>&uint256=<units>`. */
export function eip681TransferUri({ token, recipient, chainId, amount }: Eip681TransferParameters): string {
  assertPositive(amount)
  const query = buildQuery([
    ['address', checksum(recipient)],
    ['uint256', amount?.toString()],
  ])
  return `ethereum:${checksum(token)}${chainSuffix(chainId)}/transfer${query}`
}

/** A decoded EIP-681 URI: the target, and for the two payment forms the recipient and amount. */
export interface Eip681Request {
  target: string
  chainId?: number
  functionName?: string
  parameters: Record<string, string>
  /** Native payments: the recipient is `target`. ERC-20 transfers: the `address` parameter. */
  recipient?: string
  /** `value` (native) or `uint256` (ERC-20 transfer), in base units. */
  amount?: bigint
}

/** Parses an EIP-681 URI with a hex target (ENS names are not resolved here). */
export function parseEip681(uri: string): Eip681Request {
  const m = /^ethereum:(?:pay-)?(0x[0-9a-fA-F]{40})(?:@(\d+))?(?:\/([^?]+))?(?:\?(.*))?$/.exec(uri.trim())
  if (!m) throw new InvalidInputError('Not an EIP-681 URI with a hex address')
  const request: Eip681Request = { target: checksum(m[1]!, false), parameters: {} }
  if (m[2] !== undefined) request.chainId = Number(m[2])
  if (m[3] !== undefined) request.functionName = m[3]
  for (const [key, value] of parseQuery(m[4] ?? '')) request.parameters[key] = value
  const { value, address, uint256 } = request.parameters
  if (request.functionName === undefined) {
    request.recipient = request.target
    if (value !== undefined) request.amount = parseEip681Number(value)
  } else if (request.functionName === 'transfer') {
    if (address !== undefined) request.recipient = checksum(address, false)
    if (uint256 !== undefined) request.amount = parseEip681Number(uint256)
  }
  return request
}

/** Reads an EIP-681 `number` ("2014000000000000000" or "2.014e18") exactly; it must be an integer. */
export function parseEip681Number(text: string): bigint {
  const m = /^([+-]?)(\d*)(?:\.(\d+))?(?:[eE](\d*))?$/.exec(text)
  if (!m || (m[2] === '' && m[3] === undefined))
    throw new InvalidInputError(`Invalid EIP-681 number "${text}"`)
  const [, sign, whole = '', fraction = '', exponentText] = m
  const exponent = exponentText ? Number(exponentText) : 0
  if (exponent > 1000) throw new InvalidInputError(`EIP-681 number "${text}" is too large`)
  const trimmed = fraction.replace(/0+$/, '')
  if (trimmed.length > exponent) {
    throw new InvalidInputError(`EIP-681 number "${text}" is not an integer`)
  }
  const digits = BigInt(`${whole || '0'}${trimmed}`) * 10n ** BigInt(exponent - trimmed.length)
  return sign === '-' ? -digits : digits
}

/** EIP-55 form of an address. Builders are strict; the parser is not, as the EIP's own examples carry bad checksums. */
function checksum(address: string, strict = true): string {
  if (!isAddress(address, { strict })) {
    throw new InvalidInputError(`Not an EVM address (or a wrong EIP-55 checksum): ${address}`)
  }
  return getAddress(address)
}

function chainSuffix(chainId: number | undefined): string {
  if (chainId === undefined) return ''
  if (!Number.isSafeInteger(chainId) || chainId <= 0)
    throw new InvalidInputError(`Invalid chain id ${chainId}`)
  return `@${chainId}`
}
