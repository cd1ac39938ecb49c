import { createHash, randomBytes } from 'node:crypto'
import type { Transaction } from '@ton/core'
import { Blockchain, type BlockchainTransaction, type SendMessageResult } from '@ton/sandbox'

/** A masterchain block of the test chain: what getMasterchainInfo and lookupBlock report. */
export interface MasterchainBlock {
  seqno: number
  rootHash: Buffer
  fileHash: Buffer
  utime: number
}

/** A transaction once a masterchain block committed it (toncenter sees nothing before that). */
export interface CommittedTransaction {
  tx: Transaction
  /** Raw "wc:hex" of the account. */
  account: string
  block: number
}

/** Where a network began; toncenter reports it as getMasterchainInfo's `init`. */
export type Zerostate = 'mainnet' | 'testnet' | 'local'

const ZEROSTATES: Record<Exclude<Zerostate, 'local'>, [string, string]> = {
  mainnet: ['F6OpKZKqvqeFp6CQmFomXNMfMj2EnaUSOXN+Mh+wVWk=', 'XplPz01CXAps5qeSWUtxcyBfdAo5zVb1N979KLSKD24='],
  testnet: ['gj+B8wb/AmlPk1z1AhVI484rhrUpgSr2oSFIh56VoSg=', 'Z+IKwYS54DmmJmesw/nAD5DzWadnOCMzee+kdgSYDOg='],
}

/** 2026-01-01T00:00:00Z: the test chain's clock starts here and moves 5 s per masterchain block. */
export const GENESIS_TIME = 1_767_225_600

/**
 * A TON network for tests: @ton/sandbox executes the messages (real wallet contracts, real fees, bounces),
 * and every `run` commits the transactions it produced in a new masterchain block, as validators would.
 * Account histories are what a toncenter node serves.
 */
export class TonTestChain {
  readonly blocks: MasterchainBlock[] = []
  readonly zerostate: { rootHash: string; fileHash: string }
  private readonly histories = new Map<string, CommittedTransaction[]>()
  private readonly byHash = new Map<string, CommittedTransaction>()

  private constructor(
    readonly blockchain: Blockchain,
    zerostate: Zerostate,
  ) {
    const [rootHash, fileHash] =
      zerostate === 'local'
        ? [randomBytes(32).toString('base64'), randomBytes(32).toString('base64')]
        : ZEROSTATES[zerostate]
    this.zerostate = { rootHash, fileHash }
    blockchain.now = GENESIS_TIME
    this.blocks.push(this.block(0, []))
  }

  static async create(zerostate: Zerostate = 'local'): Promise<TonTestChain> {
    return new TonTestChain(await Blockchain.create(), zerostate)
  }

  /** Runs `send` in the sandbox and commits every transaction it caused in one new masterchain block. */
  async run<R extends Pick<SendMessageResult, 'transactions'>>(send: () => Promise<R>): Promise<R> {
    const result = await send()
    this.commit(result.transactions)
    return result
  }

  /** Commits transactions (from any account) in a new masterchain block, and moves the clock on. */
  commit(transactions: readonly BlockchainTransaction[]): MasterchainBlock {
    const seqno = this.blocks.length
    const committed = transactions.map((tx) => ({
      tx,
      account: `0:${tx.address.toString(16).padStart(64, '0')}`,
      block: seqno,
    }))
    for (const c of committed) {
      const history = this.histories.get(c.account) ?? []
      history.push(c)
      history.sort((a, b) => (a.tx.lt < b.tx.lt ? -1 : a.tx.lt > b.tx.lt ? 1 : 0))
      this.histories.set(c.account, history)
      this.byHash.set(c.tx.hash().toString('hex'), c)
    }
    const block = this.block(seqno, committed)
    this.blocks.push(block)
    this.blockchain.now = block.utime + 5
    return block
  }

  /** The committed transactions of an account, oldest first. */
  history(account: string): readonly CommittedTransaction[] {
    return this.histories.get(account) ?? []
  }

  transaction(hashHex: string): CommittedTransaction | undefined {
    return this.byHash.get(hashHex)
  }

  get last(): MasterchainBlock {
    return this.blocks.at(-1)!
  }

  private block(seqno: number, committed: CommittedTransaction[]): MasterchainBlock {
    const digest = (kind: string) =>
      createHash('sha256')
        .update(`${kind}:${seqno}:${this.zerostate.rootHash}`)
        .update(committed.map((c) => c.tx.hash().toString('hex')).join(','))
        .digest()
    return {
      seqno,
      rootHash: seqno === 0 ? Buffer.from(this.zerostate.rootHash, 'base64') : digest('root'),
      fileHash: seqno === 0 ? Buffer.from(this.zerostate.fileHash, 'base64') : digest('file'),
      utime: (this.blockchain.now ?? GENESIS_TIME) + (seqno === 0 ? 0 : 1),
    }
  }
}
