import { type FormEvent, useState } from 'react'
import { errorMessage } from '../../../api/problem'
import { allNetworks, type NetworkId, networkName } from '../../../chains/coins'
import { NetworkMark } from '../../../chains/NetworkMark'
import { formatDate } from '../../../format/dates'
import { CopyButton } from '../../../ui/CopyButton'
import { Field, SelectField, TextField } from '../../../ui/form/Field'
import { FieldErrorsContext } from '../../../ui/form/FieldErrorsContext'
import { FormErrorSummary } from '../../../ui/form/FormErrorSummary'
import { useFormErrors } from '../../../ui/form/useFormErrors'
import { PlusIcon, XIcon } from '../../../ui/icons'
import { type RefundAddress, usePutRefundAddress, useRemoveRefundAddress } from '../api'

const FIELDS = ['address', 'memo'] as const
const NETWORK_OPTIONS = allNetworks.map((n) => ({ value: n, label: networkName(n) }))

export interface RefundAddressesSectionProps {
  customerId: string
  refunds: readonly RefundAddress[]
  canWrite: boolean
  /** Whether the form is open: the tab keeps one form open at a time. */
  editing: boolean
  onEditingChange: (open: boolean) => void
}

/** Where the customer's refunds go, one address per network, checked for that network by the API. */
export function RefundAddressesSection({
  customerId,
  refunds,
  canWrite,
  editing,
  onEditingChange,
}: RefundAddressesSectionProps) {
  const remove = useRemoveRefundAddress(customerId)
  return (
    <section className="card card--flush" aria-labelledby="refund-addresses-title">
      <div className="card__inset">
        <div className="card__header">
          <h2 className="card__title" id="refund-addresses-title">
            Refund addresses
          </h2>
          {canWrite ? (
            <button
              type="button"
              className="button button--ghost button--small"
              aria-expanded={editing}
              onClick={() => onEditingChange(!editing)}
            >
              {editing ? <XIcon /> : <PlusIcon />}
              Set a refund address
            </button>
          ) : null}
        </div>
        <p className="card__description">
          Where to send money back, per network. An exchange deposit address may not take refunds: ask for one
          of the customer’s own wallets.
        </p>
        {editing ? <RefundForm customerId={customerId} onDone={() => onEditingChange(false)} /> : null}
        {remove.isError ? (
          <p className="field__errors" role="alert">
            {errorMessage(remove.error)}
          </p>
        ) : null}
        {refunds.length === 0 ? <p className="muted">No refund address yet.</p> : null}
      </div>
      {refunds.length > 0 ? (
        <div className="table-wrap">
          <table className="table" aria-label="Refund addresses">
            <thead>
              <tr>
                <th scope="col">Network</th>
                <th scope="col">Address</th>
                <th scope="col">Updated</th>
                {canWrite ? <th scope="col">Actions</th> : null}
              </tr>
            </thead>
            <tbody>
              {refunds.map((r) => (
                <tr key={r.network}>
                  <td className="nowrap">
                    <span className="network-cell">
                      <NetworkMark network={r.network} size="small" />
                      {networkName(r.network)}
                    </span>
                  </td>
                  <td>
                    <span className="address-cell">
                      <code>{r.address}</code>
                      <CopyButton
                        value={r.address}
                        label={`Copy ${networkName(r.network)} refund address`}
                        iconOnly
                      />
                    </span>
                    {r.memo ? (
                      <span className="muted address-cell__memo">
                        Comment <code>{r.memo}</code>
                      </span>
                    ) : null}
                  </td>
                  <td className="nowrap">{formatDate(r.updatedAt)}</td>
                  {canWrite ? (
                    <td>
                      <button
                        type="button"
                        className="button button--ghost button--small"
                        aria-label={`Remove the ${networkName(r.network)} refund address`}
                        disabled={remove.isPending}
                        onClick={() => remove.mutate(r.network)}
                      >
                        Remove
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  )
}

function RefundForm({ customerId, onDone }: { customerId: string; onDone: () => void }) {
  const [network, setNetwork] = useState<NetworkId>('bitcoin')
  const [address, setAddress] = useState('')
  const [memo, setMemo] = useState('')
  const put = usePutRefundAddress(customerId)
  const errors = useFormErrors(put.error, FIELDS)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    put.mutate(
      {
        network,
        address: address.trim(),
        ...(network === 'ton' && memo.trim() ? { memo: memo.trim() } : {}),
      },
      { onSuccess: onDone },
    )
  }

  return (
    <FieldErrorsContext.Provider value={errors.byField}>
      <form className="attach-form" onSubmit={submit} noValidate aria-label="Set a refund address">
        {errors.summary && !errors.byField.address && !errors.byField.memo ? (
          <FormErrorSummary title={errors.summary} messages={errors.other} />
        ) : null}
        <SelectField
          label="Network"
          path="network"
          value={network}
          onChange={(v) => setNetwork(v as NetworkId)}
          options={NETWORK_OPTIONS}
        />
        <Field
          label="Refund address"
          path="address"
          required
          hint="Replaces the refund address this customer has on the network, if any."
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
        {network === 'ton' ? (
          <TextField
            label="Comment"
            path="memo"
            value={memo}
            onChange={setMemo}
            hint="The comment an exchange needs to credit a TON deposit."
          />
        ) : null}
        <div className="attach-form__actions">
          <button type="button" className="button button--ghost" onClick={onDone} disabled={put.isPending}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={put.isPending}>
            {put.isPending ? 'Saving…' : 'Save refund address'}
          </button>
        </div>
      </form>
    </FieldErrorsContext.Provider>
  )
}
