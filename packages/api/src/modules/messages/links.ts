import { createHmac, timingSafeEqual } from 'node:crypto'
import {
  explorerTxUrl,
  type NetworkId,
  type NetworkMode,
  networkIds,
} from '@coinbook/chain-watchers/registry'
import type { Executor } from '../../context.js'
import { MESSAGE_KINDS, type MessageKind } from './kinds.js'

/**
 * What rendering needs from the process's configuration. queueMessage takes only a transaction (reminders,
 * event subscribers call it), so the app and the worker set this once at start (configureMessageLinks).
 */
interface LinkSettings {
  publicUrl: string | undefined
  secret: string | undefined
  networkMode: NetworkMode
}

const settings: LinkSettings = {
  publicUrl: process.env.PUBLIC_URL || undefined,
  secret: undefined,
  networkMode: 'mainnet',
}

export function configureMessageLinks(config: {
  PUBLIC_URL?: string | undefined
  COINBOOK_SECRET?: string | undefined
  COINBOOK_NETWORK_MODE: NetworkMode
}) {
  settings.publicUrl = config.PUBLIC_URL
  settings.secret = config.COINBOOK_SECRET
  settings.networkMode = config.COINBOOK_NETWORK_MODE
}

/** A transaction on the network's explorer (mainnet or testnet, as configured), for receipts. */
export function explorerLink(network: string, txHash: string): string | null {
  if (!(networkIds as readonly string[]).includes(network)) return null
  return explorerTxUrl(network as NetworkId, txHash, settings.networkMode) ?? null
}

/** An absolute URL when PUBLIC_URL is set, else a path (as the pay link is). */
export function publicLink(path: string): string {
  return `${(settings.publicUrl ?? '').replace(/\/$/, '')}${path}`
}

/** COINBOOK_SECRET, or the key migration 0014 made for this database. */
export async function signingKey(db: Executor): Promise<string> {
  if (settings.secret) return settings.secret
  const row = await db
    .selectFrom('instance_secrets')
    .select('value')
    .where('name', '=', 'signing')
    .executeTakeFirstOrThrow()
  return row.value
}

function sign(key: string, payload: string): string {
  return createHmac('sha256', key).update(`unsubscribe:v1:${payload}`).digest('base64url')
}

/** `<customerId>.<kind>.<hmac>`: lets its holder opt that customer out of that kind, nothing else. */
export function unsubscribeToken(key: string, customerId: string, kind: MessageKind): string {
  const payload = `${customerId}.${kind}`
  return `${payload}.${sign(key, payload)}`
}

/** The customer and kind a token names, or null when it is malformed or its signature is wrong. */
export function verifyUnsubscribeToken(
  key: string,
  token: string,
): { customerId: string; kind: MessageKind } | null {
  const [customerId, kind, mac, ...rest] = token.split('.')
  if (!customerId || !kind || !mac || rest.length > 0) return null
  if (!/^[0-9a-f-]{36}$/i.test(customerId) || !(MESSAGE_KINDS as readonly string[]).includes(kind))
    return null
  const expected = Buffer.from(sign(key, `${customerId}.${kind}`))
  const given = Buffer.from(mac)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  return { customerId, kind: kind as MessageKind }
}

export function unsubscribeUrl(key: string, customerId: string, kind: MessageKind): string {
  return publicLink(
    `/api/v1/public/unsubscribe?token=${encodeURIComponent(unsubscribeToken(key, customerId, kind))}`,
  )
}
