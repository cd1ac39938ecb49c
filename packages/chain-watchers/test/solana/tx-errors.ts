import type { FailedTransactionMetadata } from 'litesvm'

// litesvm's error enums are `const enum`s (types only), so their names are listed here in the order of
// agave's TransactionError and InstructionError, which is the order of their numbers.
const TRANSACTION_ERRORS = [
  'AccountInUse',
  'AccountLoadedTwice',
  'AccountNotFound',
  'ProgramAccountNotFound',
  'InsufficientFundsForFee',
  'InvalidAccountForFee',
  'AlreadyProcessed',
  'BlockhashNotFound',
  'CallChainTooDeep',
  'MissingSignatureForFee',
  'InvalidAccountIndex',
  'SignatureFailure',
  'InvalidProgramForExecution',
  'SanitizeFailure',
  'ClusterMaintenance',
  'AccountBorrowOutstanding',
  'WouldExceedMaxBlockCostLimit',
  'UnsupportedVersion',
  'InvalidWritableAccount',
  'WouldExceedMaxAccountCostLimit',
  'WouldExceedAccountDataBlockLimit',
  'TooManyAccountLocks',
  'AddressLookupTableNotFound',
  'InvalidAddressLookupTableOwner',
  'InvalidAddressLookupTableData',
  'InvalidAddressLookupTableIndex',
  'InvalidRentPayingAccount',
  'WouldExceedMaxVoteCostLimit',
  'WouldExceedAccountDataTotalLimit',
  'MaxLoadedAccountsDataSizeExceeded',
  'ResanitizationNeeded',
  'InvalidLoadedAccountsDataSizeLimit',
  'UnbalancedTransaction',
  'ProgramCacheHitMaxLimit',
  'CommitCancelled',
]

const INSTRUCTION_ERRORS = [
  'GenericError',
  'InvalidArgument',
  'InvalidInstructionData',
  'InvalidAccountData',
  'AccountDataTooSmall',
  'InsufficientFunds',
  'IncorrectProgramId',
  'MissingRequiredSignature',
  'AccountAlreadyInitialized',
  'UninitializedAccount',
  'UnbalancedInstruction',
  'ModifiedProgramId',
  'ExternalAccountLamportSpend',
  'ExternalAccountDataModified',
  'ReadonlyLamportChange',
  'ReadonlyDataModified',
  'DuplicateAccountIndex',
  'ExecutableModified',
  'RentEpochModified',
  'NotEnoughAccountKeys',
  'AccountDataSizeChanged',
  'AccountNotExecutable',
  'AccountBorrowFailed',
  'AccountBorrowOutstanding',
  'DuplicateAccountOutOfSync',
  'InvalidError',
  'ExecutableDataModified',
  'ExecutableLamportChange',
  'ExecutableAccountNotRentExempt',
  'UnsupportedProgramId',
  'CallDepth',
  'MissingAccount',
  'ReentrancyNotAllowed',
  'MaxSeedLengthExceeded',
  'InvalidSeeds',
  'InvalidRealloc',
  'ComputationalBudgetExceeded',
  'PrivilegeEscalation',
  'ProgramEnvironmentSetupFailure',
  'ProgramFailedToComplete',
  'ProgramFailedToCompile',
  'Immutable',
  'IncorrectAuthority',
  'AccountNotRentExempt',
  'InvalidAccountOwner',
  'ArithmeticOverflow',
  'UnsupportedSysvar',
  'IllegalOwner',
  'MaxAccountsDataAllocationsExceeded',
  'MaxAccountsExceeded',
  'MaxInstructionTraceLengthExceeded',
  'BuiltinProgramsMustConsumeComputeUnits',
  'BorshIoError',
]

/** A transaction error as agave's JSON-RPC writes it (serde's externally tagged enum). */
export type TransactionErrorJson = string | Record<string, unknown>

/**
 * What a failure means for the ledger: execution errors (an instruction failed) are committed in the
 * block with the fee charged; errors found before execution (a bad signature, an unknown or stale
 * blockhash, a duplicate) keep the transaction out of any block.
 */
export function describeFailure(failed: FailedTransactionMetadata): {
  json: TransactionErrorJson
  name: string
  committed: boolean
} {
  const err = failed.err() as unknown
  if (typeof err === 'number') {
    const name = TRANSACTION_ERRORS[err] ?? `TransactionError${err}`
    return { json: name, name, committed: false }
  }
  const e = err as {
    index?: number
    accountIndex?: number
    err?: () => unknown
    constructor: { name: string }
  }
  if (typeof e.err === 'function' && e.index !== undefined) {
    const inner = e.err() as unknown
    const detail =
      typeof inner === 'number'
        ? (INSTRUCTION_ERRORS[inner] ?? `InstructionError${inner}`)
        : 'code' in (inner as object)
          ? { Custom: (inner as { code: number }).code }
          : { BorshIoError: (inner as { msg: string }).msg }
    return { json: { InstructionError: [e.index, detail] }, name: 'InstructionError', committed: true }
  }
  if (e.accountIndex !== undefined) {
    const name = e.constructor.name.includes('Rent')
      ? 'InsufficientFundsForRent'
      : 'ProgramExecutionTemporarilyRestricted'
    return { json: { [name]: { account_index: e.accountIndex } }, name, committed: true }
  }
  return { json: { DuplicateInstruction: e.index ?? 0 }, name: 'DuplicateInstruction', committed: false }
}

/** The simulation failure text agave's sendTransaction preflight puts in its error message. */
export function failureMessage(json: TransactionErrorJson): string {
  if (typeof json === 'string') return json
  const ix = json.InstructionError as [number, unknown] | undefined
  if (ix) {
    const [index, detail] = ix
    const what =
      typeof detail === 'object' && detail !== null && 'Custom' in detail
        ? `custom program error: 0x${(detail as { Custom: number }).Custom.toString(16)}`
        : String(detail)
    return `Error processing Instruction ${index}: ${what}`
  }
  return JSON.stringify(json)
}
