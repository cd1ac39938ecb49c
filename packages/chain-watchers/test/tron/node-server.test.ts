import { sha256 } from '@noble/hashes/sha2.js'
import { TronWeb, utils } from 'tronweb'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { transferTopic } from '../../src/adapters/tron/trc20.js'
import { encodeHeaderRaw } from './block.js'
import { hex41 } from './chain.js'
import { customerAddresses, fundedChain, PAYER_SEED, START_TOKENS, START_TRX, USDT } from './fixtures.js'
import { startTronNode, type TronNodeServer } from './server.js'
import { BroadcastRefused, TronTestWallet } from './wallet.js'

const [alice] = customerAddresses(1)

describe('local Tron full node', () => {
  let chain: ReturnType<typeof fundedChain>
  let server: TronNodeServer
  let payer: TronTestWallet
  let tronWeb: TronWeb
  beforeEach(async () => {
    chain = fundedChain()
    server = await startTronNode(chain)
    payer = new TronTestWallet(server.url, PAYER_SEED)
    tronWeb = new TronWeb({ fullHost: server.url })
  })
  afterEach(() => server.close())

  /** A 7-sun TRX transfer built offline on the given reference block and signed by the payer. */
  const built = async (blockHeader: Record<string, unknown>) =>
    payer.tronWeb.trx.sign(
      (await payer.tronWeb.transactionBuilder.sendTrx(alice!, 7, payer.address, {
        blockHeader,
      } as never)) as never,
      payer.privateKey,
    )
  const broadcast = (tx: unknown) => tronWeb.trx.sendRawTransaction(tx as never)
  const sign = (txid: string, key: string) =>
    utils.crypto.ECKeySign(Buffer.from(txid, 'hex'), Buffer.from(key, 'hex'))

  const post = async (path: string, body: unknown = {}) =>
    (await fetch(server.url + path, { method: 'POST', body: JSON.stringify(body) })).json() as Promise<any>

  it('serves blocks, transactions and their results the way tronweb reads them', async () => {
    const tx = await payer.sendTrx(alice!, 5_000_000n)
    const [block] = chain.mine(1)

    const current = await tronWeb.trx.getCurrentBlock()
    expect(current.blockID).toBe(block!.id)
    expect(current.block_header.raw_data.number).toBe(block!.number)
    expect(current.transactions?.[0]).toMatchObject({ txID: tx.txID, ret: [{ contractRet: 'SUCCESS' }] })
    expect((await tronWeb.trx.getBlockByNumber(block!.number)).blockID).toBe(block!.id)
    const fetched = await tronWeb.trx.getTransaction(tx.txID)
    expect(fetched.raw_data.contract[0]!.parameter.value).toEqual({
      owner_address: hex41(payer.address),
      to_address: hex41(alice!),
      amount: 5_000_000,
    })
    expect(fetched.raw_data_hex).toBe(tx.raw_data_hex)
    expect(await tronWeb.trx.getUnconfirmedTransactionInfo(tx.txID)).toEqual({
      id: tx.txID,
      blockNumber: block!.number,
      blockTimeStamp: block!.timestamp,
      contractResult: [''],
      receipt: { net_usage: 268 },
    })
    // The solidity API knows it once the block is solidified.
    expect(await tronWeb.trx.getTransactionInfo(tx.txID)).toEqual({})
    chain.mine(18)
    expect(await tronWeb.trx.getTransactionInfo(tx.txID)).toMatchObject({ id: tx.txID })
    expect(await tronWeb.trx.getBalance(alice!)).toBe(5_000_000)
  })

  it('gives every block a java-tron id (number, then SHA-256 of the header) signed by its witness', async () => {
    await payer.sendTrx(alice!, 1_000n)
    chain.mine(2)
    for (let n = 1; n <= chain.height; n++) {
      const json = await post('/wallet/getblockbynum', { num: n })
      const raw = json.block_header.raw_data
      const header = encodeHeaderRaw({
        number: raw.number,
        timestamp: raw.timestamp,
        parentHash: raw.parentHash,
        txTrieRoot: raw.txTrieRoot,
        witnessAddress: raw.witness_address,
        version: raw.version,
      })
      const digest = Buffer.from(sha256(header)).toString('hex')
      expect(json.blockID).toBe(n.toString(16).padStart(16, '0') + digest.slice(16))
      expect(raw.parentHash).toBe(chain.blockAt(n - 1)!.id)
      expect(utils.crypto.ecRecover(digest, json.block_header.witness_signature).toLowerCase()).toBe(
        raw.witness_address,
      )
    }
  })

  it('leaves fields at their default out, as JsonFormat does', async () => {
    const genesis = await post('/wallet/getblockbynum', { num: 0 })
    expect(genesis.block_header.raw_data.number).toBeUndefined()
    expect(genesis.block_header.raw_data.timestamp).toBeUndefined()
    expect(genesis.transactions).toBeUndefined()
    expect(await post('/wallet/getblockbynum', { num: chain.height + 1 })).toEqual({})
    expect(await post('/wallet/gettransactionbyid', { value: 'ab'.repeat(32) })).toEqual({})
    expect(await post('/wallet/gettransactioninfobyblocknum', { num: 1 })).toEqual([])
    expect(await post('/wallet/gettransactionbyid', { value: 'xyz' })).toEqual({
      Error: expect.stringContaining('IllegalArgumentException'),
    })
  })

  it('runs TRC-20 transfers: a Transfer log when it succeeds, REVERT without logs beyond the balance', async () => {
    const ok = await payer.transferToken(USDT, alice!, 1_500_000n)
    const reverted = await payer.transferToken(USDT, alice!, START_TOKENS)
    const [block] = chain.mine(1)

    const [okInfo, revertedInfo] = await post('/wallet/gettransactioninfobyblocknum', { num: block!.number })
    expect(okInfo).toMatchObject({
      id: ok.txID,
      contract_address: hex41(USDT),
      receipt: { result: 'SUCCESS' },
      log: [
        {
          address: hex41(USDT).slice(2),
          topics: [
            transferTopic,
            hex41(payer.address).slice(2).padStart(64, '0'),
            hex41(alice!).slice(2).padStart(64, '0'),
          ],
          data: (1_500_000).toString(16).padStart(64, '0'),
        },
      ],
    })
    expect(revertedInfo).toMatchObject({ id: reverted.txID, receipt: { result: 'REVERT' }, result: 'FAILED' })
    expect(revertedInfo.log).toBeUndefined()
    const json = await post('/wallet/getblockbynum', { num: block!.number })
    expect(json.transactions.map((t: any) => t.ret[0].contractRet)).toEqual(['SUCCESS', 'REVERT'])
    expect(chain.tokenBalance(USDT, alice!)).toBe(1_500_000n)
  })

  it('refuses what java-tron refuses on broadcast', async () => {
    const broke = new TronTestWallet(server.url, 'no funds')
    await expect(broke.sendTrx(alice!, 1n)).rejects.toBeInstanceOf(BroadcastRefused)
    await expect(broke.sendTrx(alice!, 1n)).rejects.toMatchObject({ code: 'CONTRACT_VALIDATE_ERROR' })
    await expect(payer.sendTrx(alice!, START_TRX + 1n)).rejects.toThrow(/balance is not sufficient/)
    await expect(payer.transferToken(alice!, alice!, 1n)).rejects.toThrow(/not a smart contract/)

    const signed = await payer.sendTrx(alice!, 1_000n, { broadcast: false })
    const forged = { ...signed, signature: [sign(signed.txID, broke.privateKey)] }
    expect(await tronWeb.trx.sendRawTransaction(forged as never)).toMatchObject({ code: 'SIGERROR' })
    expect(await tronWeb.trx.sendRawTransaction(signed as never)).toMatchObject({
      result: true,
      txid: signed.txID,
    })
    expect(await tronWeb.trx.sendRawTransaction(signed as never)).toMatchObject({
      code: 'DUP_TRANSACTION_ERROR',
    })

    const tip = chain.tip
    const onBlock = (ref: { bytes: string; hash: string }, expiration: number) =>
      built({ ref_block_bytes: ref.bytes, ref_block_hash: ref.hash, expiration, timestamp: tip.timestamp })
    const real = { bytes: tip.number.toString(16).padStart(4, '0'), hash: tip.id.slice(16, 32) }
    // TaPoS: the reference block must be on this chain; and the transaction must not have expired.
    expect(
      await broadcast(await onBlock({ ...real, hash: '00'.repeat(8) }, tip.timestamp + 60_000)),
    ).toMatchObject({
      code: 'TAPOS_ERROR',
    })
    expect(await broadcast(await onBlock(real, tip.timestamp))).toMatchObject({
      code: 'TRANSACTION_EXPIRATION_ERROR',
    })
    expect(await broadcast(await onBlock(real, tip.timestamp + 60_000))).toMatchObject({ result: true })
  })

  it('serves at most 100 blocks per getblockbylimitnext, the end excluded, none past the head', async () => {
    chain.mine(120)
    const page = await post('/wallet/getblockbylimitnext', { startNum: 3, endNum: 6 })
    expect(page.block.map((b: any) => b.block_header.raw_data.number)).toEqual([3, 4, 5])
    expect((await post('/wallet/getblockbylimitnext', { startNum: 1, endNum: 101 })).block).toHaveLength(100)
    expect(await post('/wallet/getblockbylimitnext', { startNum: 1, endNum: 102 })).toEqual({})
    const tail = await post('/wallet/getblockbylimitnext', {
      startNum: chain.height,
      endNum: chain.height + 5,
    })
    expect(tail.block).toHaveLength(1)
    expect(
      await post('/wallet/getblockbylimitnext', { startNum: chain.height + 1, endNum: chain.height + 5 }),
    ).toEqual({})
  })

  it('answers GET with query parameters like POST with a body', async () => {
    const byGet = await (await fetch(`${server.url}/wallet/getblockbynum?num=1`)).json()
    expect(byGet).toEqual(await post('/wallet/getblockbynum', { num: 1 }))
  })

  it('forks only above the solidified head, returning the old blocks` transactions to the pending pool', async () => {
    const tx = await payer.sendTrx(alice!, 9_000n)
    chain.mine(1)
    const { removed, mined } = chain.reorg(1, { exclude: [tx.txID] })
    expect(removed[0]!.txs.map((m) => m.tx.txID)).toEqual([tx.txID])
    expect(mined).toHaveLength(2)
    expect(chain.pendingTx(tx.txID)).toBeDefined()
    expect(await post('/wallet/gettransactionfrompending', { value: tx.txID })).toMatchObject({
      txID: tx.txID,
    })
    expect(chain.balance(alice!)).toBe(0n)

    chain.mine(30)
    expect(() => chain.reorg(20)).toThrow(/solidified/)
  })
})
