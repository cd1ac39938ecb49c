import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTonHarness, type TonHarness } from '../../chain-watchers/test/ton/harness.js'
import { deployedWallet } from '../../chain-watchers/test/ton/wallets.js'
import { chainScanJob } from '../src/jobs/definitions/chain-scan.js'
import type { NetworkStatus } from '../src/modules/status/schema.js'
import { createTestApp, type Session, type TestApp } from './harness.js'

// Block-scanned networks keep one cursor in the shared test database, which other files move; TON's
// scan position is per merchant wallet, so this file can own it.
let h: TonHarness
let t: TestApp
let owner: Session

beforeAll(async () => {
  h = await startTonHarness()
  // Ethereum points at a port where nothing listens: its node is down.
  t = await createTestApp({
    env: { ETHEREUM_RPC_URLS: 'http://127.0.0.1:9', RPC_TIMEOUT_MS: '500' },
    adapters: { ton: h.adapter },
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
  it('shows each network: not configured, node down with its error, or its head and last scan', async () => {
    const wallet = await deployedWallet(h.chain, 'status-merchant', 'v4')
    const put = await t.request('PUT', '/api/v1/wallets/ton', { as: owner, body: { address: wallet.raw } })
    expect(put.status, JSON.stringify(put.body)).toBe(200)
    expect((await statuses()).ton?.lastScanAt).toBeNull()

    await chainScanJob('ton', 1000).handler({}, t.core)
    const s = await statuses()
    expect(Object.keys(s)).toHaveLength(7)
    expect(s.bitcoin).toMatchObject({ node: { status: 'not_configured', urls: 0 }, head: null, lag: null })
    expect(s.ethereum?.node.status).toBe('error')
    expect(s.ethereum?.node.error).toContain('127.0.0.1:9')
    expect(s.ton).toMatchObject({
      scan: 'wallets',
      node: { status: 'ok', error: null, urls: 1 },
      head: String(h.chain.last.seqno),
      cursor: null,
      lag: null,
      requiredConfirmations: 1,
    })
    expect(Date.parse(s.ton!.lastScanAt!)).toBeGreaterThan(Date.now() - 60_000)
  })

  it('needs a caller', async () => {
    const res = await t.request('GET', '/api/v1/status/networks')
    expect(res.status).toBe(401)
  })
})
