import { type FormEvent, useState } from 'react'
import { Link } from 'react-router'
import { isProblem } from '../../../api/problem'
import { allNetworks, type NetworkId, nativeAsset, networkName } from '../../../chains/coins'
import { Field, SelectField } from '../../../ui/form/Field'
import { FieldErrorsContext } from '../../../ui/form/FieldErrorsContext'
import { FormErrorSummary } from '../../../ui/form/FormErrorSummary'
import { useFormErrors } from '../../../ui/form/useFormErrors'
import type { CustomerDto } from '../../customers/api'
import { type CreateDepositTargetInput, useCreateDepositTarget } from '../api'

const FIELDS = ['network', 'address'] as const
const NETWORK_OPTIONS = allNetworks.map((n) => ({ value: n, label: networkName(n) }))

export interface AttachAddressFormProps {
  customer: CustomerDto
  onAttached: (address: string) => void
  onCancel: () => void
}

/** Attaches an address the merchant already uses for this customer: Coinbook watches it, never derives it. */
export function AttachAddressForm({ customer, onAttached, onCancel }: AttachAddressFormProps) {
  const [network, setNetwork] = useState<NetworkId>('ethereum')
  const [address, setAddress] = useState('')
  const attach = useCreateDepositTarget(customer.id)
  const errors = useFormErrors(attach.error, FIELDS)
  const other = isProblem(attach.error, 'conflict') ? attach.error.problem.existingCustomerId : undefined

  const submit = (e: FormEvent) => {
    e.preventDefault()
    attach.mutate(
      {
        asset: nativeAsset(network) as CreateDepositTargetInput['asset'],
        network,
        address: address.trim(),
      },
      { onSuccess: (t) => onAttached(t.address) },
    )
  }

  return (
    <FieldErrorsContext.Provider value={errors.byField}>
      <form className="attach-form" onSubmit={submit} noValidate aria-label="Attach an existing address">
        {errors.summary && !errors.byField.address && !errors.byField.network ? (
          <div className="attach-form__summary">
            <FormErrorSummary title={errors.summary} messages={errors.other} />
            {typeof other === 'string' ? (
              <p>
                <Link to={`/customers/${other}?tab=addresses`}>Open the customer who has it</Link>
              </p>
            ) : null}
          </div>
        ) : null}
        <SelectField
          label="Network"
          path="network"
          value={network}
          onChange={(v) => setNetwork(v as NetworkId)}
          options={NETWORK_OPTIONS}
        />
        <Field
          label="Address"
          path="address"
          required
          hint="An address you already give this customer. Coinbook only watches it; it cannot spend from it."
        >
          {(control) => (
            <input
              {...control}
              className="input input--mono"
              value={address}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setAddress(e.target.value)}
            />
          )}
        </Field>
        <div className="attach-form__actions">
          <button
            type="button"
            className="button button--ghost"
            onClick={onCancel}
            disabled={attach.isPending}
          >
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={attach.isPending}>
            {attach.isPending ? 'Attaching…' : 'Attach address'}
          </button>
        </div>
      </form>
    </FieldErrorsContext.Provider>
  )
}
