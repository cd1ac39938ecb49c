import { createHash } from 'node:crypto'
import { Address, type Cell, internal, SendMode, toNano } from '@ton/core'
import { type KeyPair, keyPairFromSeed } from '@ton/crypto'
import type { BlockchainTransaction, SandboxContract, TreasuryContract } from '@ton/sandbox'
import { WalletContractV4, WalletContractV5R1 } from '@ton/ton'
import type { TonTestChain } from './chain.js'

export type WalletKind = 'v4' | 'v5r1'

/** What one transfer did: the signed external message (to submit again) and the transactions it caused. */
export interface Transfer {
  external: Cell
  /** The sending wallet's own transaction. */
  sent: BlockchainTransaction
  /** The recipient's transaction for the transfer, unless the message never arrived. */
  received: BlockchainTransaction | undefined
  all: BlockchainTransaction[]
}

/**
 * A real wallet contract (v4r2 or v5r1, @ton/ton's code) in the test chain, with a key derived from its
 * name: it signs external messages, which the sandbox executes like a validator would.
 */
export class TestWallet {
  readonly address: Address
  private readonly contract: SandboxContract<WalletContractV4> | SandboxContract<WalletContractV5R1>

  constructor(
    readonly chain: TonTestChain,
    readonly name: string,
    readonly kind: WalletKind = 'v5r1',
    private readonly key: KeyPair = keyPairFromSeed(
      createHash('sha256').update(`coinbook-test:${name}`).digest(),
    ),
  ) {
    const wallet =
      kind === 'v4'
        ? WalletContractV4.create({ workchain: 0, publicKey: key.publicKey })
        : WalletContractV5R1.create({ workchain: 0, publicKey: key.publicKey })
    this.address = wallet.address
    this.contract = chain.blockchain.openContract(
      wallet as WalletContractV5R1,
    ) as SandboxContract<WalletContractV5R1>
  }

  /** Raw "0:hex". */
  get raw(): string {
    return this.address.toRawString()
  }

  /** User-friendly: bounceable EQ…/kQ… or non-bounceable UQ…/0Q…. */
  friendly(opts: { bounceable?: boolean; testOnly?: boolean } = {}): string {
    return this.address.toString({ bounceable: opts.bounceable ?? true, testOnly: opts.testOnly ?? false })
  }

  /**
   * Sends `value` nanotons to `to` with a text comment (or a body of its own), as a wallet app does: the
   * wallet's next seqno, signed, fees paid on top. The first transfer deploys the wallet.
   */
  async pay(
    to: Address | string,
    value: bigint,
    body?: string | Cell,
    opts: { bounce?: boolean } = {},
  ): Promise<Transfer> {
    const dest = typeof to === 'string' ? Address.parse(to) : to
    // Both contracts answer seqno 0 while they are not deployed.
    const args = {
      seqno: await this.contract.getSeqno(),
      secretKey: this.key.secretKey,
      sendMode: SendMode.PAY_GAS_SEPARATELY + SendMode.IGNORE_ERRORS,
      messages: [
        internal({ to: dest, value, bounce: opts.bounce ?? false, ...(body !== undefined ? { body } : {}) }),
      ],
    }
    const external =
      this.kind === 'v4'
        ? (this.contract as SandboxContract<WalletContractV4>).createTransfer(args)
        : (this.contract as SandboxContract<WalletContractV5R1>).createTransfer(args)
    return this.submit(external, dest)
  }

  /** Submits a signed external message (again: a wallet app retrying, a replay). */
  async submit(external: Cell, dest?: Address): Promise<Transfer> {
    const result = await this.chain.run(() => this.contract.send(external))
    const all = result.transactions
    const sent = all.find((t) => t.inMessage?.info.type === 'external-in')!
    const received = dest
      ? all.find(
          (t) =>
            t.inMessage?.info.type === 'internal' &&
            t.inMessage.info.dest.equals(dest) &&
            t.inMessage.info.src.equals(this.address),
        )
      : undefined
    return { external, sent, received, all }
  }
}

/** Sends test coins from the sandbox's treasury (a contract of its own, not a wallet) to `to`. */
export async function fund(
  chain: TonTestChain,
  to: Address,
  value = toNano('100'),
  opts: { body?: Cell; bounce?: boolean } = {},
): Promise<BlockchainTransaction | undefined> {
  const treasury = await faucet(chain)
  const result = await chain.run(() =>
    treasury.send({ to, value, bounce: opts.bounce ?? false, ...(opts.body ? { body: opts.body } : {}) }),
  )
  return result.transactions.find(
    (t) => t.inMessage?.info.type === 'internal' && t.inMessage.info.dest.equals(to),
  )
}

export function faucet(chain: TonTestChain): Promise<SandboxContract<TreasuryContract>> {
  return chain.blockchain.treasury('faucet')
}

/** A funded, deployed wallet (its first transfer, 0.01 TON back to the faucet, deployed it). */
export async function deployedWallet(
  chain: TonTestChain,
  name: string,
  kind: WalletKind = 'v5r1',
): Promise<TestWallet> {
  const wallet = new TestWallet(chain, name, kind)
  await fund(chain, wallet.address)
  await wallet.pay((await faucet(chain)).address, toNano('0.01'))
  return wallet
}
