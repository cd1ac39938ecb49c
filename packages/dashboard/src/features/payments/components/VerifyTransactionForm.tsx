import { type FormEvent, useState } from 'react'
import { type FieldError, isProblem } from '../../../api/problem'
import { allNetworks, type NetworkId, networkName } from '../../../chains/coins'
import { Field, SelectField } from '../../../ui/form/Field'
import { FieldErrorsContext } from '../../../ui/form/FieldErrorsContext'
import { FormErrorSummary } from '../../../ui/form/FormErrorSummary'
import { useFormErrors } from '../../../ui/form/useFormErrors'
import { useVerifyPayment } from '../hooks/queries'
import { VerifyProblem, VerifyResult } from './VerifyResult'

const FIELDS = ['network', 'txHash'] as const
const NO_ERRORS: FieldError[] = []
const NETWORK_OPTIONS = allNetworks.map((n) => ({ value: n, label: networkName(n) }))

export interface VerifyTransactionFormProps {
  /** The network selected at first. */
  defaultNetwork?: NetworkId
}

/**
 * "Verify a transaction": looks a hash up on its network and records what it pays to the merchant's
 * customers (a payment the scanner missed, or one a customer reports). Calling it twice changes nothing.
 */
export function VerifyTransactionForm({ defaultNetwork = 'ethereum' }: VerifyTransactionFormProps) {
  const [network, setNetwork] = useState<NetworkId>(defaultNetwork)
  const [txHash, setTxHash] = useState('')
  const [localErrors, setLocalErrors] = useState<FieldError[]>(NO_ERRORS)
  const verify = useVerifyPayment()
  // A malformed hash comes back as a field error; every other problem gets its own message below.
  const invalid = isProblem(verify.error, 'validation_failed') ? verify.error : null
  const errors = useFormErrors(invalid, FIELDS, localErrors)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const hash = txHash.trim()
    if (!hash) {
      verify.reset()
      setLocalErrors([{ path: 'txHash', message: 'Paste the transaction hash (or ID) to look it up' }])
      return
    }
    setLocalErrors(NO_ERRORS)
    verify.mutate({ network, txHash: hash })
  }

  return (
    <FieldErrorsContext.Provider value={errors.byField}>
      <form className="verify-form" onSubmit={submit} noValidate aria-label="Verify a transaction">
        <SelectField
          label="Network"
          path="network"
          value={network}
          onChange={(v) => setNetwork(v as NetworkId)}
          options={NETWORK_OPTIONS}
        />
        <Field label="Transaction hash" path="txHash">
          {(control) => (
            <input
              {...control}
              className="input input--mono"
              value={txHash}
              placeholder={network === 'bitcoin' ? 'Transaction ID (64 hex digits)' : 'e.g. 0x5c50…e8a1'}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setTxHash(e.target.value)}
            />
          )}
        </Field>
        <button
          type="submit"
          className="button button--primary verify-form__submit"
          disabled={verify.isPending}
        >
          {verify.isPending ? 'Verifying…' : 'Verify'}
        </button>
      </form>
      <div className="verify-form__outcome" aria-live="polite">
        {errors.other.length ? (
          <FormErrorSummary title={errors.summary ?? ''} messages={errors.other} />
        ) : null}
        {verify.isError && !invalid && verify.variables ? (
          <VerifyProblem
            error={verify.error}
            network={verify.variables.network}
            txHash={verify.variables.txHash}
          />
        ) : null}
        {verify.isSuccess ? <VerifyResult result={verify.data} /> : null}
      </div>
    </FieldErrorsContext.Provider>
  )
}
