import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTronHarness, type TronHarness } from '../../chain-watchers/test/tron/harness.js'
import { chainScanJob } from '../src/jobs/definitions/chain-scan.js'
import type { NetworkStatus } from '../src/modules/status/schema.js'
import { createTestApp, type Session, type TestApp } from './harness.js'

let h: TronHarness
let t: TestApp
let owner: Session

beforeAll(async () => {
  h = await startTronHarness()
  // Ethereum points at a port where nothing listens: its node is down.
  t = await createTestApp({
    env: { ETHEREUM_RPC_URLS: 'http://127.0.0.1:9', RPC_TIMEOUT_MS: '500' },
    adapters: { tron: h.adapter },
  })
  owner = await t.signup()
})
afterAll(async () => {
  await t.close()
  await h.close()
})

async function statuses() {
  const res = await t.request('GET', '/api/v1/status/networks', { as: owner })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return Object.fromEntries((res.body.data as NetworkStatus[]).map((s) => [s.network, s]))
}

describe('GET /api/v1/status/networks', () => {
  it('shows each network: not configured, node down with its error, or its head, cursor and lag', async () => {
    h.chain.mine(5)
    await chainScanJob('tron', 1000).handler({}, t.core)
    const s = await statuses()
    expect(Object.keys(s)).toHaveLength(7)
    expect(s.bitcoin).toMatchObject({ node: { status: 'not_configured', urls: 0 }, head: null, lag: null })
    expect(s.ethereum?.node.status).toBe('error')
    expect(s.ethereum?.node.error).toContain('127.0.0.1:9')
    const head = (await h.adapter.head()).number
    expect(s.tron).toMatchObject({
      scan: 'blocks',
      node: { status: 'ok', error: null },
      head: head.toString(),
      cursor: head.toString(),
      lag: 0,
      requiredConfirmations: 19,
    })
    expect(Date.parse(s.tron!.lastScanAt!)).toBeGreaterThan(Date.now() - 60_000)
    expect(s.solana).toMatchObject({ scan: 'wallets', lastScanAt: null })
  })

  it('needs a caller', async () => {
    const res = await t.request('GET', '/api/v1/status/networks')
    expect(res.status).toBe(401)
  })
})
