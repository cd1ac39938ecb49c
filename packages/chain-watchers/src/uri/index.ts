export { type Bip21Parameters, type Bip21Request, bip21Uri, parseBip21 } from './bip21.js'
export {
  type Eip681NativeParameters,
  type Eip681Request,
  type Eip681TransferParameters,
  eip681NativeUri,
  eip681TransferUri,
  parseEip681,
  parseEip681Number,
} from './eip681.js'
export { type PaymentUriParameters, paymentUri } from './payment-uri.js'
export { type SolanaPayParameters, solanaPayUri } from './solana-pay.js'
export { type TonTransferParameters, tonTransferUri } from './ton-transfer.js'
