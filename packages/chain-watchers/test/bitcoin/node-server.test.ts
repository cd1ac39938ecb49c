import * as bitcoin from 'bitcoinjs-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RegtestChain } from './chain.js'
import { customerAddresses, fundedRegtest, strangerAddress } from './fixtures.js'
import { descriptorChecksum } from './script-describe.js'
import { type NodeServer, startNodeServer } from './server.js'
import type { TestWallet } from './wallet.js'

const AUTH = `Basic ${Buffer.from('user:pass').toString('base64')}`
const [customer] = customerAddresses('bip84', 1)
const opReturn = bitcoin.payments.embed({ data: [new TextEncoder().encode('hello')] }).output!

let chain: RegtestChain
let wallet: TestWallet
let server: NodeServer
let mined: bitcoin.Transaction
let pending: bitcoin.Transaction

beforeAll(async () => {
  ;({ chain, wallet } = fundedRegtest())
  wallet.pay([{ address: wallet.address('p2pkh'), value: 1_000_000n }])
  chain.mine(1)
  mined = wallet.pay([{ address: customer!, value: 50_000n }], {
    from: 'p2pkh',
    scripts: [{ script: opReturn, value: 0n }],
  })
  chain.mine(2)
  pending = wallet.pay([{ address: strangerAddress('x'), value: 7_000n }])
  server = await startNodeServer(chain, { auth: { user: 'user', password: 'pass' } })
})
afterAll(() => server.close())

async function get(path: string) {
  const res = await fetch(server.esploraUrl + path)
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: Buffer.from(await res.arrayBuffer()),
  }
}

async function rpc(body: unknown, headers: Record<string, string> = { authorization: AUTH }) {
  const res = await fetch(server.coreUrl, { method: 'POST', headers, body: JSON.stringify(body) })
  const text = await res.text()
  return { status: res.status, text, json: text ? JSON.parse(text) : undefined }
}

describe('local Esplora REST API', () => {
  it('answers tip height and hash as plain text', async () => {
    expect(await get('/blocks/tip/height')).toMatchObject({ status: 200, type: 'text/plain' })
    expect((await get('/blocks/tip/height')).body.toString()).toBe(String(chain.height))
    expect((await get('/blocks/tip/hash')).body.toString()).toBe(chain.tip.hash)
    expect((await get(`/block-height/${chain.height}`)).body.toString()).toBe(chain.tip.hash)
  })

  it('serves blocks as JSON summaries, txid lists and raw bytes', async () => {
    const tip = chain.blockAt(chain.height - 1)!
    const summary = JSON.parse((await get(`/block/${tip.hash}`)).body.toString())
    expect(Object.keys(summary)).toEqual([
      'id',
      'height',
      'version',
      'timestamp',
      'tx_count',
      'size',
      'weight',
      'merkle_root',
      'previousblockhash',
      'mediantime',
      'nonce',
      'bits',
      'difficulty',
    ])
    expect(summary).toMatchObject({ id: tip.hash, height: tip.height, tx_count: 2, bits: 0x207fffff })
    expect(JSON.parse((await get(`/block/${tip.hash}/txids`)).body.toString())).toEqual(tip.txids)
    const raw = await get(`/block/${tip.hash}/raw`)
    expect(raw.type).toBe('application/octet-stream')
    expect(bitcoin.Block.fromBuffer(raw.body).getId()).toBe(tip.hash)
  })

  it('describes a transaction with its prevouts, output types and status', async () => {
    const tx = JSON.parse((await get(`/tx/${mined.getId()}`)).body.toString())
    const tip = chain.blockAt(chain.height - 1)!
    expect(tx.status).toEqual({
      confirmed: true,
      block_height: tip.height,
      block_hash: tip.hash,
      block_time: tip.block.timestamp,
    })
    expect(tx.vin[0]).toMatchObject({
      is_coinbase: false,
      prevout: {
        scriptpubkey_type: 'p2pkh',
        scriptpubkey_address: wallet.address('p2pkh'),
        value: 1_000_000,
      },
    })
    expect(tx.vin[0].scriptsig_asm).toMatch(/^OP_PUSHBYTES_7\d [0-9a-f]+ OP_PUSHBYTES_33 [0-9a-f]{66}$/)
    expect(tx.vin[0].witness).toBeUndefined()
    expect(tx.vout[0]).toMatchObject({
      scriptpubkey_type: 'v0_p2wpkh',
      scriptpubkey_address: customer,
      value: 50_000,
    })
    expect(tx.vout[0].scriptpubkey_asm).toMatch(/^OP_0 OP_PUSHBYTES_20 [0-9a-f]{40}$/)
    expect(tx.vout[1]).toEqual({
      scriptpubkey: Buffer.from(opReturn).toString('hex'),
      scriptpubkey_asm: `OP_RETURN OP_PUSHBYTES_5 ${Buffer.from('hello').toString('hex')}`,
      scriptpubkey_type: 'op_return',
      value: 0,
    })
    expect(tx.fee).toBeGreaterThan(0)
    expect((await get(`/tx/${mined.getId()}/hex`)).body.toString()).toBe(mined.toHex())
  })

  it('shows a mempool transaction unconfirmed, and an unknown one as electrs does', async () => {
    expect(JSON.parse((await get(`/tx/${pending.getId()}/status`)).body.toString())).toEqual({
      confirmed: false,
    })
    const unknown = 'cd'.repeat(32)
    expect(await get(`/tx/${unknown}`)).toMatchObject({ status: 404, type: 'text/plain' })
    expect((await get(`/tx/${unknown}`)).body.toString()).toBe('Transaction not found')
    expect(JSON.parse((await get(`/tx/${unknown}/status`)).body.toString())).toEqual({ confirmed: false })
    expect((await get('/tx/xyz')).status).toBe(400)
    expect((await get('/tx/xyz')).body.toString()).toBe('Invalid hex string')
    expect((await get('/block-height/99999')).body.toString()).toBe('Block not found')
    expect((await get('/nope')).body.toString()).toBe('endpoint does not exist "/nope"')
  })
})

describe('local Bitcoin Core JSON-RPC', () => {
  it('wants basic auth and POST, like bitcoind', async () => {
    const res = await rpc({ method: 'getblockcount', params: [], id: 1 }, {})
    expect(res.status).toBe(401)
    const denied = await fetch(server.coreUrl, { method: 'POST', body: '{}' })
    expect(denied.headers.get('www-authenticate')).toBe('Basic realm="jsonrpc"')
    const wrongMethod = await fetch(server.coreUrl)
    expect(wrongMethod.status).toBe(405)
  })

  it('answers legacy requests with result and error, HTTP 500 on error and 404 for unknown methods', async () => {
    expect(await rpc({ jsonrpc: '1.0', id: 'a', method: 'getblockcount', params: [] })).toMatchObject({
      status: 200,
      json: { result: chain.height, error: null, id: 'a' },
    })
    expect(await rpc({ jsonrpc: '1.0', id: 'b', method: 'getblockhash', params: [9999] })).toMatchObject({
      status: 500,
      json: { result: null, error: { code: -8, message: 'Block height out of range' }, id: 'b' },
    })
    expect(await rpc({ id: 'c', method: 'nosuchmethod' })).toMatchObject({
      status: 404,
      json: { error: { code: -32601, message: 'Method not found' } },
    })
  })

  it('answers JSON-RPC 2.0 with HTTP 200 and only one of result or error; batches with an array', async () => {
    const failed = await rpc({ jsonrpc: '2.0', id: 7, method: 'getblockhash', params: [-1] })
    expect(failed.status).toBe(200)
    expect(failed.json).toEqual({
      jsonrpc: '2.0',
      error: { code: -8, message: 'Block height out of range' },
      id: 7,
    })
    const batch = await rpc([
      { jsonrpc: '2.0', id: 1, method: 'getbestblockhash' },
      { jsonrpc: '2.0', id: 2, method: 'getblockchaininfo' },
    ])
    expect(batch.json[0]).toEqual({ jsonrpc: '2.0', result: chain.tip.hash, id: 1 })
    expect(batch.json[1].result).toMatchObject({
      chain: 'regtest',
      blocks: chain.height,
      bestblockhash: chain.tip.hash,
    })
    expect((await rpc({ jsonrpc: '2.0', method: 'getblockcount' })).status).toBe(204)
  })

  it('serves blocks at verbosity 0, 1 and 2', async () => {
    const stored = chain.blockAt(chain.height - 1)!
    const raw = await rpc({ id: 1, method: 'getblock', params: [stored.hash, 0] })
    expect(raw.json.result).toBe(Buffer.from(stored.raw).toString('hex'))
    const one = await rpc({ id: 1, method: 'getblock', params: { blockhash: stored.hash } })
    expect(one.json.result).toMatchObject({
      hash: stored.hash,
      height: stored.height,
      confirmations: 2,
      tx: stored.txids,
    })
    const two = await rpc({ id: 1, method: 'getblock', params: [stored.hash, 2] })
    expect(two.json.result.tx[1]).toMatchObject({ txid: mined.getId(), hex: mined.toHex() })
    expect(two.json.result.tx[1].fee).toBeGreaterThan(0)
  })

  it('serves transactions raw, decoded, and with prevouts once mined, amounts in BTC with 8 decimals', async () => {
    const hex = await rpc({ id: 1, method: 'getrawtransaction', params: [mined.getId()] })
    expect(hex.json.result).toBe(mined.toHex())
    const decoded = await rpc({ id: 1, method: 'getrawtransaction', params: [mined.getId(), true] })
    const block = chain.blockAt(chain.height - 1)!
    expect(decoded.json.result).toMatchObject({
      blockhash: block.hash,
      confirmations: 2,
      blocktime: block.block.timestamp,
    })
    expect(decoded.json.result.vin[0].prevout).toBeUndefined()
    expect(decoded.text).toContain('"value":0.00050000')
    expect(decoded.json.result.vout[0].scriptPubKey).toMatchObject({
      address: customer,
      type: 'witness_v0_keyhash',
    })
    expect(decoded.json.result.vout[1].scriptPubKey.type).toBe('nulldata')
    expect(decoded.json.result.vin[0].scriptSig.asm).toMatch(/^[0-9a-f]+\[ALL\] [0-9a-f]{66}$/)

    const withPrevouts = await rpc({ id: 1, method: 'getrawtransaction', params: [mined.getId(), 2] })
    expect(withPrevouts.json.result.vin[0].prevout).toMatchObject({
      generated: false,
      value: 0.01,
      scriptPubKey: { address: wallet.address('p2pkh'), type: 'pubkeyhash' },
    })
    const inMempool = await rpc({ id: 1, method: 'getrawtransaction', params: [pending.getId(), 2] })
    expect(inMempool.json.result.blockhash).toBeUndefined()
    expect(inMempool.json.result.vin[0].prevout).toBeUndefined()
  })

  it("gives Core's errors for unknown and malformed transaction ids", async () => {
    expect((await rpc({ id: 1, method: 'getrawtransaction', params: ['ef'.repeat(32)] })).json.error).toEqual(
      {
        code: -5,
        message: 'No such mempool or blockchain transaction. Use gettransaction for wallet transactions.',
      },
    )
    expect((await rpc({ id: 1, method: 'getrawtransaction', params: ['abc'] })).json.error).toEqual({
      code: -8,
      message: "parameter 1 must be of length 64 (not 3, for 'abc')",
    })
  })

  it("computes descriptors' BIP380 checksums", () => {
    expect(descriptorChecksum('raw(deadbeef)')).toBe('89f8spxm')
  })
})
