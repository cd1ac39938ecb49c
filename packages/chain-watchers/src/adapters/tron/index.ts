export { createTronAdapter, type TronAdapter } from './adapter.js'
export { addressFromHex, addressFromWord } from './address.js'
export { isCanonical } from './canonical.js'
export { chainIdOfGenesis, checkChainId } from './chain-id.js'
export { resolveTronConfig, type TronAdapterConfig, type TronContext, type TronToken } from './config.js'
export { confirmations } from './confirmations.js'
export { getHead, getSolidifiedNumber, type TronChainHead } from './head.js'
export { int64, parseNodeJson } from './json.js'
export {
  callNode,
  getBlockByNum,
  getBlocksByLimitNext,
  getNowBlock,
  getSolidifiedBlock,
  getTransactionById,
  getTransactionFromPending,
  getTransactionInfoByBlockNum,
  getTransactionInfoById,
  sendNode,
} from './node.js'
export { scanBlocks } from './scan.js'
export { parseTransferCall, parseTransferLog, transferRecipient, transferTopic } from './trc20.js'
export { verifyTransaction } from './verify.js'
export type { TronBlock, TronContract, TronLog, TronTransaction, TronTransactionInfo } from './wire.js'
