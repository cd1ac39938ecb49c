import { describe, expect, it } from 'vitest'
import { InvalidInputError } from '../errors.js'
import { parseBip21 } from './bip21.js'
import { parseEip681 } from './eip681.js'
import { paymentUri } from './payment-uri.js'
import { solanaPayUri } from './solana-pay.js'
import { tonTransferUri } from './ton-transfer.js'

const EVM = '0x9858EfFD232B4033E47d90003D41EC34EcaEda94'

describe('paymentUri', () => {
  it('gives bitcoin a BIP21 URI with the amount in BTC', () => {
    const uri = paymentUri({
      network: 'bitcoin',
      asset: 'BTC',
      address: 'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu',
      amount: 150_000n,
      label: 'Coinbook Shop',
      mode: 'mainnet',
    })
    expect(uri).toBe('bitcoin:bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu?amount=0.0015&label=Coinbook%20Shop')
    expect(parseBip21(uri).amount).toBe(150_000n)
  })

  it('gives the native coin of each EVM network its chain id for the mode', () => {
    const amount = 1_500_000_000_000_000_000n
    expect(paymentUri({ network: 'ethereum', asset: 'ETH', address: EVM, amount, mode: 'mainnet' })).toBe(
      `ethereum:${EVM}@1?value=1500000000000000000`,
    )
    expect(
      parseEip681(paymentUri({ network: 'bsc', asset: 'BNB', address: EVM, mode: 'testnet' })).chainId,
    ).toBe(97)
    expect(
      parseEip681(paymentUri({ network: 'arbitrum', asset: 'ETH', address: EVM, mode: 'mainnet' })).chainId,
    ).toBe(42161)
  })

  it("turns stablecoins into ERC-20 transfers of the registry's contract in base units", () => {
    expect(
      paymentUri({ network: 'ethereum', asset: 'USDT', address: EVM, amount: 25_000_000n, mode: 'mainnet' }),
    ).toBe(`ethereum:0xdAC17F958D2ee523a2206206994597C13D831ec7@1/transfer?address=${EVM}&uint256=25000000`)
    const bsc = parseEip681(
      paymentUri({ network: 'bsc', asset: 'USDC', address: EVM, amount: 25n * 10n ** 18n, mode: 'mainnet' }),
    )
    expect(bsc).toMatchObject({
      target: '0x8AC76a51cc950d9822D68b83fE1Ad97B32Cd580d',
      chainId: 56,
      amount: 25n * 10n ** 18n,
    })
    const arbitrumTestnet = parseEip681(
      paymentUri({ network: 'arbitrum', asset: 'USDC', address: EVM, mode: 'testnet' }),
    )
    expect(arbitrumTestnet).toMatchObject({
      target: '0x75faf114eafb1BDbe2F0316DF893fd58CE46AA4d',
      chainId: 421614,
    })
  })

  it('needs a contract where the registry has none for the mode, such as a regtest deployment', () => {
    expect(() => paymentUri({ network: 'ethereum', asset: 'USDT', address: EVM, mode: 'regtest' })).toThrow(
      /no known contract/,
    )
    const local = '0x5FbDB2315678afecb367f032d93F642f64180aa3'
    expect(
      parseEip681(
        paymentUri({
          network: 'ethereum',
          asset: 'USDT',
          address: EVM,
          amount: 1n,
          mode: 'regtest',
          contract: local,
        }),
      ),
    ).toMatchObject({ target: local, chainId: 31337, recipient: EVM, amount: 1n })
  })

  it('refuses an address of another mode and an asset the network does not carry', () => {
    expect(() =>
      paymentUri({
        network: 'bitcoin',
        asset: 'BTC',
        address: 'tb1q6rz28mcfaxtmd6v789l9rrlrusdprr9pqcpvkl',
        mode: 'mainnet',
      }),
    ).toThrow(InvalidInputError)
    expect(() => paymentUri({ network: 'ethereum', asset: 'SOL', address: EVM, mode: 'mainnet' })).toThrow(
      /SOL cannot be paid on Ethereum/,
    )
  })

  it('gives Tron the bare address, which is what Tron wallets scan', () => {
    expect(
      paymentUri({
        network: 'tron',
        asset: 'USDT',
        address: 'TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH',
        amount: 5n,
        mode: 'mainnet',
      }),
    ).toBe('TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH')
  })

  it('gives Solana a Solana Pay request with the mint, decimals and reference', () => {
    const reference = '11111111111111111111111111111111'
    expect(
      paymentUri({
        network: 'solana',
        asset: 'USDC',
        address: 'mvines9iiHiQTysrwkJjGf2gb9Ex9jXJX8ns3qwf2kN',
        amount: 10_000n,
        reference,
        mode: 'mainnet',
      }),
    ).toBe(
      `solana:mvines9iiHiQTysrwkJjGf2gb9Ex9jXJX8ns3qwf2kN?amount=0.01&spl-token=EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v&reference=${reference}`,
    )
  })

  it('gives TON a transfer link carrying the customer comment', () => {
    expect(
      paymentUri({
        network: 'ton',
        asset: 'TON',
        address: 'EQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff-W72r5gqPrHF',
        amount: 1_500_000_000n,
        memo: 'CB-7XK2',
        mode: 'mainnet',
      }),
    ).toBe('ton://transfer/EQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff-W72r5gqPrHF?amount=1500000000&text=CB-7XK2')
  })
})

describe('solanaPayUri', () => {
  // The transfer-request examples of the Solana Pay specification.
  it("writes the spec's 1 SOL request and its 0.01 USDC request exactly", () => {
    expect(
      solanaPayUri({
        recipient: 'mvines9iiHiQTysrwkJjGf2gb9Ex9jXJX8ns3qwf2kN',
        amount: 1_000_000_000n,
        label: 'Michael',
        message: 'Thanks for all the fish',
        memo: 'OrderId12345',
      }),
    ).toBe(
      'solana:mvines9iiHiQTysrwkJjGf2gb9Ex9jXJX8ns3qwf2kN?amount=1&label=Michael&message=Thanks%20for%20all%20the%20fish&memo=OrderId12345',
    )
    expect(
      solanaPayUri({
        recipient: 'mvines9iiHiQTysrwkJjGf2gb9Ex9jXJX8ns3qwf2kN',
        amount: 10_000n,
        decimals: 6,
        splToken: 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v',
      }),
    ).toBe(
      'solana:mvines9iiHiQTysrwkJjGf2gb9Ex9jXJX8ns3qwf2kN?amount=0.01&spl-token=EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v',
    )
  })

  it('keeps several references in order and refuses a token amount without decimals', () => {
    const uri = solanaPayUri({
      recipient: 'mvines9iiHiQTysrwkJjGf2gb9Ex9jXJX8ns3qwf2kN',
      reference: ['a1', 'b2'],
    })
    expect(uri).toBe('solana:mvines9iiHiQTysrwkJjGf2gb9Ex9jXJX8ns3qwf2kN?reference=a1&reference=b2')
    expect(() =>
      solanaPayUri({ recipient: 'x', amount: 1n, splToken: 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v' }),
    ).toThrow(/decimals/)
  })
})

describe('tonTransferUri', () => {
  it('writes the amount in nanotons and percent-encodes the comment', () => {
    expect(
      tonTransferUri({ address: 'EQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff-W72r5gqPrHF', text: 'order 12' }),
    ).toBe('ton://transfer/EQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff-W72r5gqPrHF?text=order%2012')
  })
})
