import { type FormEvent, useState } from 'react'
import { errorMessage } from '../../../api/problem'
import { allNetworks, type NetworkId, networkName } from '../../../chains/coins'
import { NetworkMark } from '../../../chains/NetworkMark'
import { formatDate } from '../../../format/dates'
import { Badge } from '../../../ui/Badge'
import { CopyButton } from '../../../ui/CopyButton'
import { EmptyState } from '../../../ui/EmptyState'
import { Field, SelectField, TextField } from '../../../ui/form/Field'
import { FieldErrorsContext } from '../../../ui/form/FieldErrorsContext'
import { FormErrorSummary } from '../../../ui/form/FormErrorSummary'
import { useFormErrors } from '../../../ui/form/useFormErrors'
import { PlusIcon, WalletIcon, XIcon } from '../../../ui/icons'
import { type PayerWallet, useAddPayerWallet, useRemovePayerWallet, useUpdatePayerWallet } from '../api'

const FIELDS = ['network', 'address', 'label'] as const
const NETWORK_OPTIONS = allNetworks.map((n) => ({ value: n, label: networkName(n) }))

export interface PayerWalletsSectionProps {
  customerId: string
  wallets: readonly PayerWallet[]
  canWrite: boolean
  /** Whether the add form is open: the tab keeps one form open at a time (their fields share ids). */
  adding: boolean
  onAddingChange: (open: boolean) => void
}

/**
 * The wallets the customer paid from (learned from each payment's sender) or that the merchant added.
 * A wallet known for this customer alone recognises their payments to a shared address; a shared one
 * (an exchange, several customers) never does.
 */
export function PayerWalletsSection({
  customerId,
  wallets,
  canWrite,
  adding,
  onAddingChange: setAdding,
}: PayerWalletsSectionProps) {
  const update = useUpdatePayerWallet(customerId)
  const remove = useRemovePayerWallet(customerId)
  const failure = update.error ?? remove.error

  return (
    <section className="card card--flush" aria-labelledby="payer-wallets-title">
      <div className="card__inset">
        <div className="card__header">
          <h2 className="card__title" id="payer-wallets-title">
            Wallets they pay from
          </h2>
          {canWrite ? (
            <button
              type="button"
              className="button button--ghost button--small"
              aria-expanded={adding}
              onClick={() => setAdding(!adding)}
            >
              {adding ? <XIcon /> : <PlusIcon />}
              Add a wallet
            </button>
          ) : null}
        </div>
        <p className="card__description">
          Learned from every payment of theirs. A payment to a shared address from a wallet known for this
          customer alone is theirs; a wallet seen for several customers is marked shared and recognises
          nobody.
        </p>
        {adding ? <AddWalletForm customerId={customerId} onDone={() => setAdding(false)} /> : null}
        {failure ? (
          <p className="field__errors" role="alert">
            {errorMessage(failure)}
          </p>
        ) : null}
      </div>
      {wallets.length === 0 ? (
        <EmptyState
          icon={<WalletIcon width={28} height={28} />}
          title="No wallets yet"
          description="The wallet of their first payment appears here, or add one they told you about."
        />
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="Wallets they pay from">
            <thead>
              <tr>
                <th scope="col">Network</th>
                <th scope="col">Address</th>
                <th scope="col">Label</th>
                <th scope="col">Recognises</th>
                <th scope="col" className="num">
                  Payments
                </th>
                <th scope="col">Last payment</th>
                {canWrite ? <th scope="col">Actions</th> : null}
              </tr>
            </thead>
            <tbody>
              {wallets.map((w) => (
                <tr key={w.id}>
                  <td className="nowrap">
                    <span className="network-cell">
                      <NetworkMark network={w.network} size="small" />
                      {networkName(w.network)}
                    </span>
                  </td>
                  <td>
                    <span className="address-cell">
                      <code>{w.address}</code>
                      <CopyButton
                        value={w.address}
                        label={`Copy ${networkName(w.network)} wallet`}
                        iconOnly
                      />
                    </span>
                  </td>
                  <td>
                    {canWrite ? (
                      <LabelEditor
                        wallet={w}
                        busy={update.isPending}
                        onSave={(label) => update.mutate({ id: w.id, label })}
                      />
                    ) : (
                      (w.label ?? <span className="muted">—</span>)
                    )}
                  </td>
                  <td>
                    {w.shared ? (
                      <Badge
                        tone="warning"
                        title="Known for several customers, or marked shared: never matches"
                      >
                        Shared
                      </Badge>
                    ) : (
                      <Badge tone="success" title="A payment from it to a shared address is this customer's">
                        This customer
                      </Badge>
                    )}{' '}
                    <span className="muted">{w.source === 'learned' ? 'learned' : 'added'}</span>
                  </td>
                  <td className="num">{w.paymentCount}</td>
                  <td className="nowrap">{w.lastSeenAt ? formatDate(w.lastSeenAt) : '—'}</td>
                  {canWrite ? (
                    <td className="nowrap">
                      <button
                        type="button"
                        className="button button--ghost button--small"
                        disabled={update.isPending}
                        onClick={() => update.mutate({ id: w.id, shared: !w.shared })}
                      >
                        {w.shared ? 'Not shared' : 'Mark shared'}
                      </button>
                      <button
                        type="button"
                        className="button button--ghost button--small"
                        aria-label={`Remove wallet ${w.address}`}
                        disabled={remove.isPending}
                        onClick={() => remove.mutate(w.id)}
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
      )}
    </section>
  )
}

function LabelEditor({
  wallet,
  busy,
  onSave,
}: {
  wallet: PayerWallet
  busy: boolean
  onSave: (label: string | null) => void
}) {
  const [value, setValue] = useState(wallet.label ?? '')
  const save = () => {
    const next = value.trim() || null
    if (next !== wallet.label) onSave(next)
  }
  return (
    <input
      className="input input--small"
      aria-label={`Label of wallet ${wallet.address}`}
      placeholder="Add a label"
      value={value}
      maxLength={100}
      disabled={busy}
      onChange={(e) => setValue(e.target.value)}
      onBlur={save}
      onKeyDown={(e) => {
        if (e.key === 'Enter') save()
        if (e.key === 'Escape') setValue(wallet.label ?? '')
      }}
    />
  )
}

function AddWalletForm({ customerId, onDone }: { customerId: string; onDone: () => void }) {
  const [network, setNetwork] = useState<NetworkId>('ethereum')
  const [address, setAddress] = useState('')
  const [label, setLabel] = useState('')
  const add = useAddPayerWallet(customerId)
  const errors = useFormErrors(add.error, FIELDS)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    add.mutate(
      { network, address: address.trim(), ...(label.trim() ? { label: label.trim() } : {}) },
      { onSuccess: onDone },
    )
  }

  return (
    <FieldErrorsContext.Provider value={errors.byField}>
      <form className="attach-form" onSubmit={submit} noValidate aria-label="Add a wallet">
        {errors.summary && !errors.byField.address ? (
          <FormErrorSummary title={errors.summary} messages={errors.other} />
        ) : null}
        <SelectField
          label="Network"
          path="network"
          value={network}
          onChange={(v) => setNetwork(v as NetworkId)}
          options={NETWORK_OPTIONS}
        />
        <Field label="Wallet address" path="address" required hint="An address this customer sends from.">
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
        <TextField label="Label" path="label" value={label} onChange={setLabel} placeholder="e.g. Ledger" />
        <div className="attach-form__actions">
          <button type="button" className="button button--ghost" onClick={onDone} disabled={add.isPending}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={add.isPending}>
            {add.isPending ? 'Adding…' : 'Add wallet'}
          </button>
        </div>
      </form>
    </FieldErrorsContext.Provider>
  )
}
