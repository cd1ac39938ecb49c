export { JsonRpcError, RpcRateLimitedError } from './errors.js'
export { expectOk, getBytes, getJson, getText, parseJson, postJson, retryAfterMs } from './http.js'
export {
  callJsonRpc,
  createJsonRpcBatcher,
  type JsonRpcBatcher,
  type JsonRpcCall,
  type JsonRpcOutcome,
  jsonRpc,
  jsonRpcBatch,
} from './json-rpc.js'
export {
  backoffDelay,
  createRpcPool,
  type RpcAttempt,
  type RpcPool,
  type RpcPoolOptions,
  type RpcResponse,
} from './pool.js'
