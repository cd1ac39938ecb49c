import { lookup } from 'node:dns/promises'
import { BlockList, isIP } from 'node:net'

/**
 * Where webhooks may not go (SSRF): loopback, RFC 1918 private, link-local (cloud metadata at
 * 169.254.169.254), CGNAT, multicast, unspecified, reserved and documentation ranges, and their IPv6
 * counterparts (unique local fc00::/7 holds AWS's fd00:ec2::254).
 */
const blocked = new BlockList()
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4')
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6')
}

/** ::ffff:127.0.0.1 and its hex form ::ffff:7f00:1 are 127.0.0.1; other addresses are themselves. */
function unmapIPv4(address: string): string {
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (dotted?.[1]) return dotted[1]
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address)
  if (!hex?.[1] || !hex[2]) return address
  const hi = Number.parseInt(hex[1], 16)
  const lo = Number.parseInt(hex[2], 16)
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`
}

/** Why an address is refused, or null when it is public. IPv4-mapped IPv6 is judged as the IPv4 it holds. */
export function refusedAddressReason(address: string): string | null {
  const ip = unmapIPv4(address)
  const family = isIP(ip)
  if (family === 0) return 'is not an IP address'
  if (!blocked.check(ip, family === 4 ? 'ipv4' : 'ipv6')) return null
  if (ip === '169.254.169.254' || ip.toLowerCase() === 'fd00:ec2::254') return 'is a cloud metadata address'
  if (/^127\.|^::1$/.test(ip)) return 'is a loopback address'
  return 'is a private, link-local, CGNAT, multicast or reserved address'
}

export interface AddressPolicy {
  /** WEBHOOKS_ALLOW_PRIVATE: private addresses (and plain http) allowed. */
  allowPrivate: boolean
  /** Plain http refused (production without WEBHOOKS_ALLOW_PRIVATE). */
  requireHttps: boolean
}

/** A URL the dispatcher may call, with the address it resolved to (pinned for the request). */
export interface ResolvedTarget {
  url: URL
  address: string
  family: 4 | 6
}

/** Why a URL is refused; `reason` is a stable code, the message says it for people. */
export class RefusedUrlError extends Error {
  override name = 'RefusedUrlError'
  constructor(
    readonly reason: 'scheme' | 'https_required' | 'credentials' | 'unresolvable' | 'private_address',
    message: string,
    readonly address?: string,
  ) {
    super(message)
  }
}

/**
 * Resolves a webhook URL and checks every address it resolves to (a name with one private address among
 * public ones is refused: the connection could use it). Returns the first address, to connect to that one.
 */
export async function resolveWebhookTarget(raw: string, policy: AddressPolicy): Promise<ResolvedTarget> {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new RefusedUrlError('scheme', 'The URL is not a valid absolute URL')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RefusedUrlError('scheme', 'The URL must use https (or http in development)')
  }
  if (url.protocol === 'http:' && policy.requireHttps) {
    throw new RefusedUrlError(
      'https_required',
      'The URL must use https; plain http is accepted only with WEBHOOKS_ALLOW_PRIVATE=true or outside production',
    )
  }
  if (url.username || url.password) {
    throw new RefusedUrlError('credentials', 'The URL must not carry a user name or password')
  }
  const host = url.hostname.replace(/^\[|\]$/g, '')
  let addresses: { address: string; family: number }[]
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true })
  } catch {
    throw new RefusedUrlError('unresolvable', `The host ${host} does not resolve to an address`)
  }
  const [first] = addresses
  if (!first) throw new RefusedUrlError('unresolvable', `The host ${host} does not resolve to an address`)
  if (!policy.allowPrivate) {
    for (const { address } of addresses) {
      const why = refusedAddressReason(address)
      if (why) {
        throw new RefusedUrlError(
          'private_address',
          `${host} resolves to ${address}, which ${why}: webhooks are only sent to public addresses (set WEBHOOKS_ALLOW_PRIVATE=true for development)`,
          address,
        )
      }
    }
  }
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 }
}

/** The policy of a deployment's configuration. */
export function addressPolicy(config: {
  WEBHOOKS_ALLOW_PRIVATE: boolean
  NODE_ENV: 'development' | 'production' | 'test'
}): AddressPolicy {
  return {
    allowPrivate: config.WEBHOOKS_ALLOW_PRIVATE,
    requireHttps: !config.WEBHOOKS_ALLOW_PRIVATE && config.NODE_ENV === 'production',
  }
}
