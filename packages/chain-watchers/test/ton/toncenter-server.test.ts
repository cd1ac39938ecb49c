import { Address, toNano } from '@ton/core'
import { TonClient } from '@ton/ton'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TonTestChain } from './chain.js'
import { startToncenterServer, type ToncenterServer } from './server.js'
import { fund, TestWallet } from './wallets.js'

let chain: TonTestChain
let server: ToncenterServer
let alice: TestWallet
let merchant: TestWallet

beforeAll(async () => {
  chain = await TonTestChain.create()
  server = await startToncenterServer(chain)
  alice = new TestWallet(chain, 'alice')
  merchant = new TestWallet(chain, 'merchant', 'v4')
  await fund(chain, alice.address)
  for (let i = 0; i < 3; i++) await alice.pay(merchant.address, toNano('1'), `CB-CLIENT0${i} ✓`)
})
afterAll(() => server?.close())

async function rest(method: string, params: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/${method}?${new URLSearchParams(params)}`)
  return { status: res.status, body: (await res.json()) as any }
}

describe('the local toncenter', () => {
  it("answers @ton/ton's TonClient, whose schemas accept every answer, with the chain's transactions", async () => {
    const client = new TonClient({ endpoint: `${server.url}/jsonRPC` })
    const info = await client.getMasterchainInfo()
    expect(info.latestSeqno).toBe(chain.last.seqno)
    const txs = await client.getTransactions(merchant.address, { limit: 10 })
    const committed = chain.history(merchant.raw)
    expect(txs.map((t) => t.hash().toString('hex'))).toEqual(
      [...committed].reverse().map((c) => c.tx.hash().toString('hex')),
    )
    // Paging as TonClient does it: from a transaction (lt + base64 hash), that one left out.
    const [newest] = txs
    const older = await client.getTransactions(merchant.address, {
      limit: 10,
      lt: newest!.lt.toString(),
      hash: newest!.hash().toString('base64'),
    })
    expect(older.map((t) => t.lt)).toEqual(txs.slice(1).map((t) => t.lt))
  })

  it('serves getTransactions over REST as toncenter writes it: base64 ids, decoded comments, friendly addresses', async () => {
    const { status, body } = await rest('getTransactions', { address: merchant.friendly(), limit: '1' })
    expect(status).toBe(200)
    expect(body.ok).toBe(true)
    const [tx] = body.result
    const newest = chain.history(merchant.raw).at(-1)!.tx
    expect(tx).toMatchObject({
      '@type': 'raw.transaction',
      utime: newest.now,
      transaction_id: {
        '@type': 'internal.transactionId',
        lt: newest.lt.toString(),
        hash: newest.hash().toString('base64'),
      },
      in_msg: {
        '@type': 'raw.message',
        source: alice.address.toString({ testOnly: true }),
        destination: merchant.address.toString({ testOnly: true }),
        value: toNano('1').toString(),
        msg_data: { '@type': 'msg.dataText', text: Buffer.from('CB-CLIENT02 ✓').toString('base64') },
        message: 'CB-CLIENT02 ✓',
      },
      out_msgs: [],
    })
    expect(tx.data.startsWith('te6cck')).toBe(true)
    expect(Address.parse(tx.address.account_address).equals(merchant.address)).toBe(true)
  })

  it('stops before to_lt, pages from lt+hash in hex or base64, and refuses what toncenter refuses', async () => {
    const history = [...chain.history(merchant.raw)].reverse()
    const [first, second] = history
    const fromHex = await rest('getTransactions', {
      address: merchant.raw,
      lt: second!.tx.lt.toString(),
      hash: second!.tx.hash().toString('hex'),
      limit: '100',
    })
    expect(fromHex.body.result.map((t: any) => t.transaction_id.lt)).toEqual(
      history.slice(1).map((c) => c.tx.lt.toString()),
    )
    const upTo = await rest('getTransactions', { address: merchant.raw, to_lt: second!.tx.lt.toString() })
    expect(upTo.body.result.map((t: any) => t.transaction_id.lt)).toEqual([first!.tx.lt.toString()])

    expect((await rest('getTransactions', { address: 'nonsense' })).status).toBe(416)
    expect((await rest('getTransactions', { address: merchant.raw, limit: '101' })).status).toBe(422)
    const unknown = await rest('getTransactions', { address: merchant.raw, lt: '1', hash: '00'.repeat(32) })
    expect(unknown).toMatchObject({ status: 500, body: { ok: false, code: 500 } })
  })

  it('reports the zerostate and looks up masterchain blocks', async () => {
    const { body } = await rest('getMasterchainInfo')
    expect(body.result.last.seqno).toBe(chain.last.seqno)
    expect(body.result.init).toMatchObject({ seqno: 0, root_hash: chain.zerostate.rootHash })
    const block = await rest('lookupBlock', { workchain: '-1', shard: '-9223372036854775808', seqno: '2' })
    expect(block.body.result.root_hash).toBe(chain.blocks[2]!.rootHash.toString('base64'))
  })
})
