import type { MinedTx, StoredBlock, TronTestChain } from './chain.js'
import type { SignedTx } from './ledger.js'

// java-tron's JSON for visible=false, as its servlets print it (Util.printBlock, printTransaction,
// JsonFormat): fields at their protobuf default (0, "", empty lists) are left out.

/** A Transaction: ret (once mined), signature, txID, raw_data and raw_data_hex. */
export function transactionJson(tx: SignedTx, contractRet?: string) {
  const contract = tx.raw_data.contract[0]!
  return {
    ...(contractRet ? { ret: [{ contractRet }] } : {}),
    signature: tx.signature.map((s) => s.toLowerCase()),
    txID: tx.txID,
    raw_data: {
      contract: [
        {
          parameter: {
            value: contractValue(contract.type, contract.parameter.value),
            type_url: contract.parameter.type_url,
          },
          type: contract.type,
        },
      ],
      ref_block_bytes: tx.raw_data.ref_block_bytes,
      ref_block_hash: tx.raw_data.ref_block_hash,
      expiration: tx.raw_data.expiration,
      ...(tx.raw_data.fee_limit ? { fee_limit: tx.raw_data.fee_limit } : {}),
      timestamp: tx.raw_data.timestamp,
    },
    raw_data_hex: tx.raw_data_hex,
  }
}

/** A Block: blockID, block_header (raw_data and witness_signature) and transactions when there are any. */
export function blockJson(block: StoredBlock, opts: { transactions?: boolean } = {}) {
  const withTxs = opts.transactions !== false && block.txs.length > 0
  return {
    blockID: block.id,
    block_header: {
      raw_data: {
        ...(block.number ? { number: block.number } : {}),
        txTrieRoot: block.txTrieRoot,
        witness_address: block.witnessAddress,
        parentHash: block.parentHash,
        version: block.version,
        ...(block.timestamp ? { timestamp: block.timestamp } : {}),
      },
      ...(block.witnessSignature ? { witness_signature: block.witnessSignature } : {}),
    },
    ...(withTxs
      ? { transactions: block.txs.map(({ tx, execution }) => transactionJson(tx, execution.contractRet)) }
      : {}),
  }
}

/** A TransactionInfo: id, fee, blockNumber, blockTimeStamp, then what the execution produced. */
export function transactionInfoJson(block: StoredBlock, { tx, execution }: MinedTx) {
  return {
    id: tx.txID,
    blockNumber: block.number,
    blockTimeStamp: block.timestamp,
    ...execution.info,
  }
}

/** The TransactionInfos of a canonical block (an empty list above the head). */
export function blockInfosJson(chain: TronTestChain, number: number) {
  const block = chain.blockAt(number)
  return block ? block.txs.map((m) => transactionInfoJson(block, m)) : []
}

// java-tron re-prints contract values from protobuf: fields in field-number order, defaults left out.
function contractValue(type: string, value: Record<string, unknown>) {
  const order =
    type === 'TransferContract'
      ? ['owner_address', 'to_address', 'amount']
      : ['owner_address', 'contract_address', 'call_value', 'data', 'call_token_value', 'token_id']
  const out: Record<string, unknown> = {}
  for (const key of order) {
    const v = value[key]
    if (v !== undefined && v !== 0 && v !== '') out[key] = typeof v === 'string' ? v.toLowerCase() : v
  }
  return out
}
