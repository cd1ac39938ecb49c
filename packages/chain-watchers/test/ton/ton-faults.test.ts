import { internal, toNano } from '@ton/core'
import { afterEach, describe, expect, it } from 'vitest'
import type { AccountScanResult, TransferEvent } from '../../src/adapters/types.js'
import { InvalidInputError, RpcError, RpcUnavailableError, WrongChainError } from '../../src/errors.js'
import { RpcRateLimitedError } from '../../src/rpc/errors.js'
import { deadUrl } from '../rpc/fault-server.js'
import { scanToEnd, startTonHarness, type TonHarness } from './harness.js'
import { type Fault, startToncenterServer, type ToncenterServer } from './server.js'
import { faucet, fund, TestWallet } from './wallets.js'

type HarnessOptions = Parameters<typeof startTonHarness>[0]

/** What toncenter answers, with HTTP 429, past a key's requests per second. */
const RATE_LIMITED = '{"ok":false,"error":"Ratelimit exceed","code":429}'
const NOT_FOUND_500 =
  '{"ok":false,"error":"Couldn\'t get next transactions chunk: LITE_SERVER_UNKNOWN: cannot find transaction","code":500}'

const hex = (hash: Buffer) => hash.toString('hex')

describe('TON adapter when toncenter misbehaves', () => {
  let h: TonHarness
  const closing: (() => Promise<void>)[] = []
  afterEach(async () => {
    await Promise.all(closing.splice(0).map((close) => close()))
  })

  async function start(opts?: HarnessOptions) {
    h = await startTonHarness(opts)
    closing.push(h.close)
    return h
  }

  /** A second toncenter over the same chain: another provider of the same network. */
  async function backupServer(): Promise<ToncenterServer> {
    const server = await startToncenterServer(h.chain)
    closing.push(server.close)
    return server
  }

  /** Two payments into the merchant wallet; returns the first one's hash. */
  async function payMerchant() {
    const alice = new TestWallet(h.chain, 'alice')
    await fund(h.chain, alice.address)
    const first = await alice.pay(h.merchant.address, toNano('1.5'), 'CB-FAULT001')
    await alice.pay(h.merchant.address, toNano('2'), 'CB-FAULT002')
    return { alice, hash: hex(first.received!.hash()) }
  }

  /** A harness with a paid merchant wallet, its adapter past the zerostate check of its URL. */
  async function withPayments(opts?: HarnessOptions) {
    await start(opts)
    const paid = await payMerchant()
    await h.adapter.head()
    return paid
  }

  const getTransactionsCalls = (server: ToncenterServer) =>
    server.requests.filter((r) => r.method === 'getTransactions').length

  const transient: [string, Fault][] = [
    [
      'an HTTP 500 from a liteserver',
      {
        kind: 'status',
        status: 500,
        body: '{"ok":false,"error":"LITE_SERVER_UNKNOWN: timeout for adnl query","code":500}',
      },
    ],
    [
      'an HTTP 502 page from the proxy',
      {
        kind: 'status',
        status: 502,
        body: '<html><center><h1>502 Bad Gateway</h1></center></html>',
        headers: { 'Content-Type': 'text/html' },
      },
    ],
    ['an HTTP 503', { kind: 'status', status: 503, body: 'Service Unavailable' }],
    ['an HTTP 504 from the gateway', { kind: 'status', status: 504 }],
    [
      "toncenter's rate limit (429, Retry-After: 0)",
      { kind: 'status', status: 429, body: RATE_LIMITED, headers: { 'Retry-After': '0' } },
    ],
    ["toncenter's rate limit without Retry-After", { kind: 'status', status: 429, body: RATE_LIMITED }],
    [
      'an ok:false of a liteserver on HTTP 200',
      {
        kind: 'status',
        status: 200,
        body: '{"ok":false,"error":"LITE_SERVER_NOTREADY: block is not applied","code":500}',
      },
    ],
    ['a dropped connection', { kind: 'reset' }],
    ['a JSON answer cut in half', { kind: 'truncate' }],
  ]
  it.each(transient)('retries after %s and answers as if nothing happened', async (_, fault) => {
    const { hash } = await withPayments()
    const verified = await h.adapter.verify(hash)
    const scanned = await h.adapter.scanAccount(h.merchant.raw, null)
    expect(scanned.events).toHaveLength(3)

    for (const match of ['getTransactions', 'getMasterchainInfo']) {
      h.server.faults.push({ ...fault, match })
      expect(await h.adapter.verify(hash)).toEqual(verified)
      h.server.faults.push({ ...fault, match })
      expect(await h.adapter.scanAccount(h.merchant.raw, null)).toEqual(scanned)
    }
    expect(h.server.faults).toHaveLength(0)
    expect(h.server.requests.filter((r) => r.fault)).toHaveLength(4)
  })

  it('retries a fault during the zerostate check instead of taking the URL for another network', async () => {
    await start({ config: { mode: 'mainnet' }, zerostate: 'mainnet', server: { testOnly: false } })
    h.server.faults.push(
      { kind: 'status', status: 503, match: 'getMasterchainInfo' },
      { kind: 'truncate', match: 'getMasterchainInfo' },
    )

    expect(await h.adapter.head()).toEqual({
      number: BigInt(h.chain.last.seqno),
      hash: hex(h.chain.last.rootHash),
    })
    expect(h.server.requests.map((r) => [r.method, r.fault])).toEqual([
      ['getMasterchainInfo', 'status'],
      ['getMasterchainInfo', 'truncate'],
      ['getMasterchainInfo', undefined],
      ['getMasterchainInfo', undefined],
    ])
  })

  it('asks again when toncenter leaves a transaction out of a page or lists one that is not what it says', async () => {
    const { hash } = await withPayments()
    const scanned = await h.adapter.scanAccount(h.merchant.raw, null)
    const real = await fetch(`${h.server.url}/getTransactions?address=${h.merchant.raw}&limit=100`)
    const { result } = (await real.json()) as { result: { transaction_id: { hash: string } }[] }
    const [newest, second, ...rest] = result
    const forged = {
      ...second!,
      transaction_id: { ...second!.transaction_id, hash: newest!.transaction_id.hash },
    }
    h.server.faults.push(
      { kind: 'result', result: [newest, ...rest], match: 'getTransactions' },
      { kind: 'result', result: [newest, forged, ...rest], match: 'getTransactions' },
    )
    expect(await h.adapter.scanAccount(h.merchant.raw, null)).toEqual(scanned)

    h.server.faults.push(
      {
        kind: 'result',
        result: [{ utime: 1, data: 'te6cck', transaction_id: {} }],
        match: 'getTransactions',
      },
      { kind: 'result', result: [newest, ...rest], match: 'getTransactions' },
    )
    expect(await h.adapter.verify(hash)).toMatchObject([{ memo: 'CB-FAULT001' }])
    expect(h.server.faults).toHaveLength(0)
  })

  it('gives up on a toncenter silent past the timeout and asks again', async () => {
    const { hash } = await withPayments({ config: { rpc: { timeoutMs: 500, retries: 1 } } })
    h.server.faults.push({ kind: 'delay', ms: 3_000, match: 'getTransactions' })

    const started = Date.now()
    expect(await h.adapter.verify(hash)).toHaveLength(1)
    expect(Date.now() - started).toBeLessThan(2_500)
    expect(h.server.requests.filter((r) => r.fault === 'delay')).toHaveLength(1)
  })

  const movingOn: [string, Fault][] = [
    ['a JSON answer cut in half', { kind: 'truncate' }],
    ['silence past the timeout', { kind: 'delay', ms: 3_000 }],
    [
      "toncenter's rate limit",
      { kind: 'status', status: 429, body: RATE_LIMITED, headers: { 'Retry-After': '5' } },
    ],
  ]
  it.each(movingOn)('moves on to the next URL at once after %s', async (_, fault) => {
    // The production cooldown: a URL that just failed (or asked to wait) stays behind the healthy one.
    await start({ config: { rpc: { timeoutMs: 500, cooldownMs: 30_000 } } })
    await payMerchant()
    const backup = await backupServer()
    const adapter = h.adapterFor({ rpc: { urls: [h.server.url, backup.url] } })
    const expected = await adapter.scanAccount(h.merchant.raw, null)
    expect(backup.requests).toHaveLength(0)

    h.server.faults.push({ ...fault, match: 'getTransactions' })
    const started = Date.now()
    expect(await adapter.scanAccount(h.merchant.raw, null)).toEqual(expected)

    expect(Date.now() - started).toBeLessThan(2_000)
    // The backup was checked for its network before it served the page.
    expect(backup.requests.map((r) => r.method).slice(0, 2)).toEqual([
      'getMasterchainInfo',
      'getTransactions',
    ])
  })

  it('fails over from a dead first URL (nothing listening) to the second', async () => {
    const dead = `${await deadUrl()}/api/v2`
    const { hash } = await withPayments({ urls: (own) => [dead, own] })

    expect(await h.adapter.verify(hash)).toMatchObject([{ memo: 'CB-FAULT001', amount: toNano('1.5') }])
    expect((await h.adapter.scanAccount(h.merchant.raw, null)).events).toHaveLength(3)
  })

  it('says no toncenter answered when every URL is down, naming each', async () => {
    const urls = [`${await deadUrl()}/api/v2`, `${await deadUrl()}/api/v2/jsonRPC`]
    await start({ urls: () => urls })

    const error = await h.adapter.scanAccount(h.merchant.raw, null).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(RpcUnavailableError)
    expect((error as RpcUnavailableError).network).toBe('ton')
    // The JSON-RPC URL is named by its API base, which the adapter calls.
    expect((error as RpcUnavailableError).errors.map((e) => e.url)).toEqual([
      urls[0],
      urls[1]!.replace(/\/jsonRPC$/, ''),
    ])
  })

  it("waits out toncenter's Retry-After before asking the same URL again", async () => {
    await withPayments()
    let limitedAt = 0
    let askedAgainAt = 0
    h.server.faults.push(
      {
        kind: 'status',
        status: 429,
        body: RATE_LIMITED,
        headers: { 'Retry-After': '1' },
        match: 'getTransactions',
        onServe: () => {
          limitedAt = Date.now()
        },
      },
      // Not a misbehaviour: it only notes when the next getTransactions arrives.
      {
        kind: 'delay',
        ms: 0,
        match: 'getTransactions',
        onServe: () => {
          askedAgainAt = Date.now()
        },
      },
    )

    expect((await h.adapter.scanAccount(h.merchant.raw, null)).events).toHaveLength(3)
    expect(askedAgainAt - limitedAt).toBeGreaterThanOrEqual(950)
  })

  it('does not wait a minute for a rate limit: with one URL it says so at once, with two it uses the other', async () => {
    await withPayments()
    const minute = {
      kind: 'status',
      status: 429,
      body: RATE_LIMITED,
      headers: { 'Retry-After': '60' },
      match: 'getTransactions',
    } as const
    h.server.faults.push(minute)
    const started = Date.now()
    const error = await h.adapter.scanAccount(h.merchant.raw, null).catch((e: unknown) => e)
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(error).toBeInstanceOf(RpcUnavailableError)
    expect((error as RpcUnavailableError).errors).toEqual([expect.any(RpcRateLimitedError)])
    expect((error as RpcUnavailableError).errors[0]).toMatchObject({ retryAfterMs: 60_000, status: 429 })

    const backup = await backupServer()
    const adapter = h.adapterFor({ rpc: { urls: [h.server.url, backup.url] } })
    await adapter.head()
    h.server.faults.push(minute)
    const before = getTransactionsCalls(h.server)
    for (let i = 0; i < 3; i++)
      expect((await adapter.scanAccount(h.merchant.raw, null)).events).toHaveLength(3)
    // Asked once, refused for a minute, then left alone while the backup answers.
    expect(getTransactionsCalls(h.server) - before).toBe(1)
    expect(getTransactionsCalls(backup)).toBe(3)
  })

  it('sends the API key to toncenter with every request, the zerostate check included', async () => {
    await start({
      server: { apiKey: 'toncenter-key-1' },
      config: { apiKey: 'toncenter-key-1', mode: 'testnet' },
      zerostate: 'testnet',
    })
    const { hash } = await payMerchant()

    expect(await h.adapter.verify(hash)).toHaveLength(1)
    expect((await h.adapter.scanAccount(h.merchant.raw, null)).events).toHaveLength(3)
    expect(h.server.requests.map((r) => r.method)).toContain('getMasterchainInfo')
    expect(h.server.requests.every((r) => r.apiKey === 'toncenter-key-1' && r.via === 'rest')).toBe(true)
  })

  it('reports a missing or wrong API key as HTTP 401 after a bounded number of tries', async () => {
    await start({ server: { apiKey: 'toncenter-key-1' } })

    for (const adapter of [h.adapter, h.adapterFor({ apiKey: 'not-the-key' })]) {
      const before = h.server.requests.length
      const error = await adapter.scanAccount(h.merchant.raw, null).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(RpcUnavailableError)
      expect((error as RpcUnavailableError).errors).toMatchObject([{ status: 401, url: h.server.url }])
      expect((error as RpcUnavailableError).errors[0]!.details).toContain('API key does not exist')
      // fastRpc: a first round and two retries, each stopped at the zerostate check.
      expect(h.server.requests.slice(before).map((r) => r.method)).toEqual(
        Array(3).fill('getMasterchainInfo'),
      )
    }
  })

  it('refuses a toncenter of another network (a testnet URL in mainnet mode) before reading anything from it', async () => {
    await start({ zerostate: 'testnet', config: { mode: 'mainnet' }, server: { testOnly: false } })

    for (let call = 0; call < 2; call++) {
      const error = await h.adapter.scanAccount(h.merchant.friendly(), null).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(WrongChainError)
      expect(error).toMatchObject({ network: 'ton', url: h.server.url })
      expect((error as WrongChainError).shortMessage).toContain(`zerostate ${h.chain.zerostate.rootHash}`)
      expect((error as WrongChainError).shortMessage).toMatch(/expected mainnet \(zerostate F6OpKZKq/)
    }
    // Asked once per call (not retried as a fault), never for data.
    expect(h.server.requests.map((r) => r.method)).toEqual(['getMasterchainInfo', 'getMasterchainInfo'])
  })

  it('refuses a mainnet toncenter in testnet mode, and does not skip a wrong URL for the right one behind it', async () => {
    await start({ zerostate: 'mainnet', config: { mode: 'testnet' }, server: { testOnly: false } })
    const error = await h.adapter.head().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(WrongChainError)

    // A mainnet adapter given [testnet URL, mainnet URL]: the misconfiguration fails loudly.
    const testnet = await startTonHarness({ zerostate: 'testnet' })
    closing.push(testnet.close)
    const mixed = h.adapterFor({ mode: 'mainnet', rpc: { urls: [testnet.server.url, h.server.url] } })
    const mixedError = await mixed.scanAccount(h.merchant.friendly(), null).catch((e: unknown) => e)
    expect(mixedError).toBeInstanceOf(WrongChainError)
    expect(mixedError).toMatchObject({ url: testnet.server.url })
    expect(testnet.server.requests.map((r) => r.method)).toEqual(['getMasterchainInfo'])

    // The right URL alone is accepted.
    const right = h.adapterFor({ mode: 'mainnet' })
    expect((await right.scanAccount(h.merchant.friendly(), null)).events).toHaveLength(1)
  })

  it('refuses an address that is not TON before asking toncenter', async () => {
    await withPayments()
    const before = h.server.requests.length
    for (const address of [
      'nonsense',
      '0x52908400098527886E0F7030069857D2E4169EE7',
      `0:${'ab'.repeat(31)}`,
    ]) {
      await expect(h.adapter.scanAccount(address, null)).rejects.toBeInstanceOf(InvalidInputError)
      await expect(h.adapter.verify('11'.repeat(32), { wallets: [address] })).rejects.toBeInstanceOf(
        InvalidInputError,
      )
    }
    expect(h.server.requests).toHaveLength(before)
  })

  const refusals: [string, Fault, number, string][] = [
    [
      "toncenter's 416 for an address it cannot read",
      { kind: 'status', status: 416, body: '{"ok":false,"error":"Incorrect address","code":416}' },
      416,
      'Incorrect address',
    ],
    [
      "toncenter's 422 validation error",
      {
        kind: 'status',
        status: 422,
        body: '{"ok":false,"error":"Validation error: limit must be between 1 and 100","code":422}',
      },
      422,
      'Validation error',
    ],
    [
      'an ok:false refusal on HTTP 200',
      { kind: 'status', status: 200, body: '{"ok":false,"error":"Incorrect address","code":416}' },
      416,
      'Incorrect address',
    ],
  ]
  it.each(refusals)(
    'fails fast on %s, naming the URL and the status, without retrying',
    async (_, fault, status, text) => {
      const { hash } = await withPayments()

      for (const call of [
        () => h.adapter.scanAccount(h.merchant.raw, null),
        // Not "transaction not found": toncenter never said so.
        () => h.adapter.verify(hash),
      ]) {
        h.server.faults.push({ ...fault, match: 'getTransactions' })
        const before = getTransactionsCalls(h.server)
        const error = await call().catch((e: unknown) => e)
        expect(error).toBeInstanceOf(RpcError)
        expect(error).toMatchObject({ network: 'ton', url: h.server.url, status, retryable: false })
        expect((error as RpcError).message).toContain(text)
        expect(getTransactionsCalls(h.server) - before).toBe(1)
      }
      expect(await h.adapter.verify(hash)).toHaveLength(1)
    },
  )

  it('resumes a scan cut short by faults from its cursor, losing and repeating nothing', async () => {
    await start()
    const { alice } = await payMerchant()
    for (let i = 0; i < 4; i++) await alice.pay(h.merchant.address, toNano('0.1'), `CB-PAGE000${i}`)
    const expected = await scanToEnd(h.adapterFor(), h.merchant.raw, null, 2)
    const incoming = h.chain.history(h.merchant.raw).filter((c) => c.tx.inMessage?.info.type === 'internal')
    expect(expected.events.map((e) => e.txHash).sort()).toEqual(incoming.map((c) => hex(c.tx.hash())).sort())

    // fastRpc tries a URL three times: three faults in a row fail the call, fewer are retried within it.
    const failing = (fault: Fault): Fault[] => [fault, fault, fault]
    const plan: Fault[][] = [
      [{ kind: 'status', status: 502, match: 'getTransactions' }],
      failing({ kind: 'reset', match: 'getTransactions' }),
      // The page was read, the head for its events was not: nothing of it may count.
      failing({ kind: 'truncate', match: 'getMasterchainInfo' }),
      [{ kind: 'status', status: 500, body: NOT_FOUND_500, match: 'getTransactions' }],
      failing({ kind: 'status', status: 429, body: RATE_LIMITED, match: 'getTransactions' }),
      [{ kind: 'truncate', match: 'getTransactions' }],
    ]
    const adapter = h.adapterFor()
    await adapter.head()
    const events: TransferEvent[] = []
    let cursor: string | null = null
    let failed = 0
    for (let call = 0; ; call++) {
      if (call > 20) throw new Error('scan does not end')
      h.server.faults.push(...(plan[call] ?? []))
      const page: AccountScanResult | undefined = await adapter
        .scanAccount(h.merchant.raw, cursor, { limit: 2 })
        .catch((error: unknown) => {
          if (!(error instanceof RpcUnavailableError)) throw error
          failed++
          return undefined
        })
      expect(h.server.faults).toHaveLength(0)
      if (!page) continue
      events.push(...page.events)
      cursor = page.cursor
      if (!page.more) break
    }

    expect(failed).toBe(3)
    expect(events).toEqual(expected.events)
    expect(cursor).toBe(expected.cursor)
  })

  it('retries a fault on a later page of one long scan without losing or repeating a transaction', async () => {
    await start()
    // 120 payments in one masterchain block, more than toncenter's 100 per getTransactions.
    const treasury = await faucet(h.chain)
    const messages = Array.from({ length: 120 }, (_, i) =>
      internal({
        to: h.merchant.address,
        value: toNano('0.01'),
        bounce: false,
        body: `CB-BULK${String(i).padStart(4, '0')}`,
      }),
    )
    const { cursor } = await scanToEnd(h.adapter, h.merchant.raw, null)
    await h.chain.run(() => treasury.sendMessages(messages))
    const before = h.server.requests.length
    const expected = await h.adapterFor().scanAccount(h.merchant.raw, cursor, { limit: 150 })
    expect(expected.events.map((e) => e.memo)).toEqual(
      messages.map((_, i) => `CB-BULK${String(i).padStart(4, '0')}`),
    )
    const pages = h.server.requests.slice(before).filter((r) => r.method === 'getTransactions')
    expect(pages.map((r) => [r.params.limit, r.params.archival])).toEqual([
      ['100', undefined],
      ['50', 'true'],
    ])

    // The second page's answer, with one transaction left out in the middle.
    const second = new URLSearchParams(pages[1]!.params as Record<string, string>)
    const real = (await (await fetch(`${h.server.url}/getTransactions?${second}`)).json()) as {
      result: unknown[]
    }
    const gapped = [...real.result.slice(0, 10), ...real.result.slice(11)]
    h.server.faults.push(
      // Not a misbehaviour: it lets the first page through, so that the next faults meet the second.
      { kind: 'delay', ms: 0, match: 'getTransactions' },
      { kind: 'status', status: 500, body: NOT_FOUND_500, match: 'getTransactions' },
      { kind: 'result', result: gapped, match: 'getTransactions' },
    )

    expect(await h.adapterFor().scanAccount(h.merchant.raw, cursor, { limit: 150 })).toEqual(expected)
    expect(h.server.faults).toHaveLength(0)
  })
})
