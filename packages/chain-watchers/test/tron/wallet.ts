import { sha256 } from '@noble/hashes/sha2.js'
import { TronWeb } from 'tronweb'
import type { SignedTx } from './ledger.js'

/** A deterministic private key (hex) per seed, so addresses are the same in every run. */
export function testPrivateKey(seed: string): string {
  return Buffer.from(sha256(new TextEncoder().encode(`coinbook tron ${seed}`))).toString('hex')
}

/** The base58 address of a test key. */
export function testAddress(seed: string): string {
  return TronWeb.address.fromPrivateKey(testPrivateKey(seed)) as string
}

/** A refusal by the node of a broadcast transaction, with java-tron's code and decoded message. */
export class BroadcastRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`)
  }
}

export interface SendOptions {
  /** Hand the signed transaction to the node (default true). */
  broadcast?: boolean
}

/**
 * A wallet that builds transactions with tronweb against the local node (reference block from
 * /wallet/getblock), signs them offline with its key and broadcasts them with /wallet/broadcasttransaction,
 * as a customer's wallet would.
 */
export class TronTestWallet {
  readonly tronWeb: TronWeb
  readonly privateKey: string
  readonly address: string

  constructor(nodeUrl: string, seed: string) {
    this.privateKey = testPrivateKey(seed)
    this.address = TronWeb.address.fromPrivateKey(this.privateKey) as string
    this.tronWeb = new TronWeb({ fullHost: nodeUrl })
  }

  /** Sends `sun` TRX to `to` with a TransferContract; returns the signed transaction. */
  async sendTrx(to: string, sun: bigint, opts: SendOptions = {}): Promise<SignedTx> {
    const tx = await this.tronWeb.transactionBuilder.sendTrx(to, Number(sun), this.address)
    return this.finish(tx as unknown as SignedTx, opts)
  }

  /** Calls `transfer(to, amount)` on a TRC-20 contract with a TriggerSmartContract. */
  async transferToken(
    contract: string,
    to: string,
    amount: bigint,
    opts: SendOptions = {},
  ): Promise<SignedTx> {
    const { transaction } = await this.tronWeb.transactionBuilder.triggerSmartContract(
      contract,
      'transfer(address,uint256)',
      { feeLimit: 100_000_000, txLocal: true },
      [
        { type: 'address', value: to },
        { type: 'uint256', value: amount.toString() },
      ],
      this.address,
    )
    return this.finish(transaction as unknown as SignedTx, opts)
  }

  private async finish(tx: SignedTx, opts: SendOptions): Promise<SignedTx> {
    const signed = (await this.tronWeb.trx.sign(tx as never, this.privateKey)) as unknown as SignedTx
    if (opts.broadcast === false) return signed
    const result = (await this.tronWeb.trx.sendRawTransaction(signed as never)) as {
      result?: boolean
      code?: string
      message?: string
    }
    if (!result.result) {
      throw new BroadcastRefused(
        String(result.code),
        Buffer.from(result.message ?? '', 'hex').toString('utf8'),
      )
    }
    return signed
  }
}
