import {
  type Address,
  createPublicClient,
  createWalletClient,
  type Hash,
  http,
  numberToHex,
  parseEther,
  parseUnits,
} from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { foundry } from 'viem/chains'
import { createEvmAdapter, type EvmAdapter, type EvmAdapterConfig } from '../../src/adapters/evm/index.js'
import { type Anvil, anvilMnemonic, startAnvil } from '../anvil.js'
import { testTokenAbi, testTokenBytecode } from './erc20.artifact.js'

/** The BIP39 test mnemonic standing in for a merchant's wallet: customer i is m/44'/60'/0'/0/i. */
const merchantMnemonic =
  'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about'

/** A customer's deposit address (checksummed, as a wallet shows it). */
export function customerAddress(index: number): Address {
  return mnemonicToAccount(merchantMnemonic, { addressIndex: index }).address
}

/** The watch set the API would build: lowercase keys. A Set already has `has`. */
export function watchSetOf(addresses: readonly string[]): Set<string> {
  return new Set(addresses.map((a) => a.toLowerCase()))
}

export interface EvmFixture {
  anvil: Anvil
  /** Anvil account 0: deployer and holder of every token's supply. */
  payer: Address
  usdt: Address
  usdc: Address
  adapter: EvmAdapter
  /** Another adapter over the same node with other settings. */
  adapterWith(extra: Partial<EvmAdapterConfig>): EvmAdapter
  payNative(to: Address, ether: string): Promise<Hash>
  /** anvil's funded account i (0 is `payer`), as another customer's own wallet. */
  otherPayer(index: number): { address: Address; payNative(to: Address, ether: string): Promise<Hash> }
  payToken(token: Address, to: Address, amount: bigint, opts?: { gas?: bigint }): Promise<Hash>
  batchPay(token: Address, payments: [Address, bigint][]): Promise<Hash>
  transferWithMemo(token: Address, to: Address, amount: bigint): Promise<Hash>
  blockOf(hash: Hash): Promise<{ number: bigint; hash: string }>
  /** What the payer's ETH balance lost over the block of `hash` (one transaction per block when automined). */
  payerSpentIn(hash: Hash): Promise<bigint>
  mine(blocks: number): Promise<void>
  blockNumber(): Promise<bigint>
  stop(): Promise<void>
}

/**
 * A fresh anvil with a 6-decimal "USDT" and an 18-decimal "USDC" deployed from account 0, and an adapter
 * (network ethereum, regtest, 3 confirmations) that knows both tokens.
 */
export async function evmFixture(): Promise<EvmFixture> {
  const anvil = await startAnvil()
  const account = mnemonicToAccount(anvilMnemonic, { addressIndex: 0 })
  const wallet = createWalletClient({ account, chain: foundry, transport: http(anvil.url) })
  const reader = createPublicClient({ chain: foundry, transport: http(anvil.url) })

  const deploy = async (symbol: string, decimals: number) => {
    const hash = await wallet.deployContract({
      abi: testTokenAbi,
      bytecode: testTokenBytecode,
      args: [symbol, symbol, decimals, parseUnits('1000000000', decimals)],
    })
    const receipt = await reader.waitForTransactionReceipt({ hash, pollingInterval: 20 })
    return receipt.contractAddress!
  }
  const usdt = await deploy('USDT', 6)
  const usdc = await deploy('USDC', 18)
  const config: EvmAdapterConfig = {
    network: 'ethereum',
    mode: 'regtest',
    rpc: { urls: [anvil.url], timeoutMs: 5_000 },
    tokens: [
      { asset: 'USDT', contract: usdt, decimals: 6 },
      { asset: 'USDC', contract: usdc, decimals: 18 },
    ],
    confirmations: 3,
  }
  const adapterWith = (extra: Partial<EvmAdapterConfig>) => createEvmAdapter({ ...config, ...extra })
  // Anvil accepts a transaction before its automined block is visible: under load a block-number read right
  // after a send can miss it. With automine on, every send returns once its block is there.
  const mined = async (sent: Promise<Hash>): Promise<Hash> => {
    const hash = await sent
    if (await anvil.rpc<boolean>('anvil_getAutomine'))
      await reader.waitForTransactionReceipt({ hash, pollingInterval: 20 })
    return hash
  }

  return {
    anvil,
    payer: account.address,
    usdt,
    usdc,
    adapter: adapterWith({}),
    adapterWith,
    payNative: (to, ether) => mined(wallet.sendTransaction({ to, value: parseEther(ether) })),
    otherPayer(index) {
      const other = createWalletClient({
        account: mnemonicToAccount(anvilMnemonic, { addressIndex: index }),
        chain: foundry,
        transport: http(anvil.url),
      })
      return {
        address: other.account.address,
        payNative: (to, ether) => mined(other.sendTransaction({ to, value: parseEther(ether) })),
      }
    },
    payToken: (token, to, amount, opts = {}) =>
      mined(
        wallet.writeContract({
          address: token,
          abi: testTokenAbi,
          functionName: 'transfer',
          args: [to, amount],
          ...opts,
        }),
      ),
    batchPay: (token, payments) =>
      mined(
        wallet.writeContract({
          address: token,
          abi: testTokenAbi,
          functionName: 'batchTransfer',
          args: [payments.map((p) => p[0]), payments.map((p) => p[1])],
        }),
      ),
    transferWithMemo: (token, to, amount) =>
      mined(
        wallet.writeContract({
          address: token,
          abi: testTokenAbi,
          functionName: 'transferWithMemo',
          args: [to, amount, `0x${'ab'.repeat(32)}`],
        }),
      ),
    async blockOf(hash) {
      const receipt = await reader.waitForTransactionReceipt({ hash, pollingInterval: 20 })
      return { number: receipt.blockNumber, hash: receipt.blockHash }
    },
    async payerSpentIn(hash) {
      const { blockNumber } = await reader.waitForTransactionReceipt({ hash, pollingInterval: 20 })
      const [before, after] = await Promise.all([
        reader.getBalance({ address: account.address, blockNumber: blockNumber - 1n }),
        reader.getBalance({ address: account.address, blockNumber }),
      ])
      return before - after
    },
    mine: async (blocks) => {
      await anvil.rpc('anvil_mine', [numberToHex(blocks)])
    },
    blockNumber: () => reader.getBlockNumber({ cacheTime: 0 }),
    stop: () => anvil.stop(),
  }
}
