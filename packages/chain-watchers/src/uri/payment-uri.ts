import { isValidAddress } from '../address/validate.js'
import { InvalidInputError } from '../errors.js'
import { findPaymentOption, networks } from '../registry/index.js'
import type { AssetId, NetworkId, NetworkMode } from '../registry/types.js'
import { bip21Uri } from './bip21.js'
import { eip681NativeUri, eip681TransferUri } from './eip681.js'
import { solanaPayUri } from './solana-pay.js'
import { tonTransferUri } from './ton-transfer.js'

export interface PaymentUriParameters {
  network: NetworkId
  asset: AssetId
  /** Where the customer pays: the deposit address, or the merchant wallet on Solana and TON. */
  address: string
  /** Base units of the asset. */
  amount?: bigint
  label?: string
  message?: string
  mode: NetworkMode
  /** Token contract overriding the registry's (a regtest deployment, which the registry cannot know). */
  contract?: string
  /** Solana Pay reference key(s) of the customer. */
  reference?: string | string[]
  /** Solana: an on-chain memo; TON: the comment that identifies the customer. */
  memo?: string
}

/**
 * The URI a wallet opens to pay `amount` of `asset` to `address`: BIP21 for Bitcoin, EIP-681 (with the
 * mode's chain id) on EVM networks, Solana Pay, and TON transfer links. Tron has no URI scheme its wallets
 * agree on, so for Tron this is the bare base58 address, which is what they scan.
 */
export function paymentUri(parameters: PaymentUriParameters): string {
  const { network, asset, address, amount, label, message, mode } = parameters
  const option = findPaymentOption(asset, network, mode)
  if (!option) throw new InvalidInputError(`${asset} cannot be paid on ${networks[network].name}`)
  if (!isValidAddress(network, address, mode)) {
    throw new InvalidInputError(`Not a valid ${networks[network].name} address for ${mode}: ${address}`)
  }
  const contract = parameters.contract ?? option.contract
  const isToken = asset !== networks[network].nativeAsset
  if (isToken && contract === undefined) {
    throw new InvalidInputError(
      `${asset} has no known contract on ${networks[network].name} in ${mode} mode`,
      {
        details: 'pass the contract of your deployment',
      },
    )
  }
  switch (networks[network].family) {
    case 'bitcoin':
      return bip21Uri({ address, amount, label, message })
    case 'evm': {
      const chainId = networks[network].chainId[mode]
      return isToken
        ? eip681TransferUri({ token: contract!, recipient: address, chainId, amount })
        : eip681NativeUri({ address, chainId, value: amount })
    }
    case 'tron':
      return address
    case 'solana':
      return solanaPayUri({
        recipient: address,
        amount,
        decimals: option.decimals,
        splToken: isToken ? contract : undefined,
        reference: parameters.reference,
        label,
        message,
        memo: parameters.memo,
      })
    case 'ton':
      return tonTransferUri({ address, amount, text: parameters.memo })
  }
}
