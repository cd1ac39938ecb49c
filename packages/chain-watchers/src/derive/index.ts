export {
  type BitcoinAccountKey,
  type BitcoinScheme,
  type DeriveBitcoinAddressParameters,
  type DerivedAddress,
  deriveBitcoinAddress,
  deriveFromBitcoinKey,
  type ParseBitcoinKeyParameters,
  parseBitcoinKey,
} from './bitcoin.js'
export { bitcoinNetwork, ensureEccLib } from './bitcoin-network.js'
export { type DeriveAddressParameters, deriveAddress, isDerivedNetwork } from './derive-address.js'
export { type DescribeKeyOptions, describeKey, type KeyDescription } from './describe-key.js'
export { type DeriveEvmAddressParameters, deriveEvmAddress } from './evm.js'
export {
  type ExtendedPublicKey,
  type KeyPrefix,
  type ParseExtendedKeyOptions,
  parseExtendedKey,
} from './extended-key.js'
export {
  type DeriveTronAddressParameters,
  deriveTronAddress,
  tronBase58ToHex,
  tronHexToBase58,
} from './tron.js'
