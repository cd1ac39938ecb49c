import { type FormEvent, useState } from 'react'
import type { FieldError } from '../../../api/problem'
import { type NetworkId, networkName } from '../../../chains/coins'
import { Field, SelectField } from '../../../ui/form/Field'
import { FieldErrorsContext } from '../../../ui/form/FieldErrorsContext'
import { FormErrorSummary } from '../../../ui/form/FormErrorSummary'
import { useFormErrors } from '../../../ui/form/useFormErrors'
import type { PutWalletInput } from '../api'
import {
  type BitcoinScheme,
  isSecret,
  keyNeedsScheme,
  localWalletErrors,
  SCHEMES,
  schemeLabel,
  walletSetup,
} from '../setup'

const FIELDS = ['xpub', 'scheme', 'address'] as const
const NO_ERRORS: FieldError[] = []
const SCHEME_OPTIONS = [
  { value: '', label: 'From the key (xpub → BIP44)' },
  ...SCHEMES.map((s) => ({ value: s, label: schemeLabel[s] })),
]

export interface WalletFormProps {
  network: NetworkId
  onSubmit: (input: PutWalletInput) => void
  onCancel: () => void
  pending: boolean
  /** The failed save, if any: its field errors are shown next to the key. */
  error: unknown
  /** A wallet is connected already: saving replaces it. */
  replacing?: boolean
}

/**
 * Pastes a network's watch-only key — an account xpub (Bitcoin, EVM, Tron) or a wallet address (Solana,
 * TON). Private keys and recovery phrases are refused before anything is sent.
 */
export function WalletForm({
  network,
  onSubmit,
  onCancel,
  pending,
  error,
  replacing = false,
}: WalletFormProps) {
  const setup = walletSetup(network)
  const [value, setValue] = useState('')
  const [scheme, setScheme] = useState<BitcoinScheme | ''>('')
  const [localErrors, setLocalErrors] = useState<FieldError[]>(NO_ERRORS)
  // Once the form stopped a submit itself, the previous answer of the API is stale.
  const errors = useFormErrors(localErrors.length ? null : error, FIELDS, localErrors)
  const showScheme = setup.kind === 'xpub' && keyNeedsScheme(network, value)
  const fieldHasError = Object.keys(errors.byField).length > 0

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const found = localWalletErrors(setup.kind, value)
    if (found.length) {
      // A secret must not even stay on screen.
      if (isSecret(value)) setValue('')
      setLocalErrors(found)
      return
    }
    setLocalErrors(NO_ERRORS)
    const v = value.trim()
    onSubmit(
      setup.kind === 'xpub' ? { xpub: v, ...(showScheme && scheme ? { scheme } : {}) } : { address: v },
    )
  }

  return (
    <FieldErrorsContext.Provider value={errors.byField}>
      <form
        className="wallet-form"
        onSubmit={submit}
        noValidate
        aria-label={`${replacing ? 'Replace' : 'Connect'} the ${networkName(network)} wallet`}
      >
        {errors.summary && !fieldHasError ? (
          <FormErrorSummary title={errors.summary} messages={errors.other} />
        ) : null}
        <Field label={setup.label} path={setup.kind} hint={setup.hint} required>
          {(control) => (
            <input
              {...control}
              className="input input--mono"
              value={value}
              placeholder={setup.placeholder}
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              onChange={(e) => setValue(e.target.value)}
            />
          )}
        </Field>
        {showScheme ? (
          <SelectField
            label="Address type"
            path="scheme"
            className="wallet-form__scheme"
            value={scheme}
            onChange={(v) => setScheme(v as BitcoinScheme | '')}
            options={SCHEME_OPTIONS}
            hint="An xpub does not say which addresses your wallet makes: pick the type your wallet uses."
          />
        ) : null}
        {replacing ? (
          <p className="wallet-form__note">
            Addresses already given to customers stay watched and keep their payments; new addresses come from
            the new {setup.kind === 'xpub' ? 'key' : 'address'}.
          </p>
        ) : null}
        <div className="wallet-form__actions">
          <button type="button" className="button button--ghost" onClick={onCancel} disabled={pending}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={pending}>
            {pending ? 'Checking…' : setup.kind === 'xpub' ? 'Save key' : 'Save address'}
          </button>
        </div>
      </form>
    </FieldErrorsContext.Provider>
  )
}
