import { useState } from 'react'
import { ErrorAlert } from '../../../ui/Alert'
import { EmptyState } from '../../../ui/EmptyState'
import { PlusIcon, WalletIcon, XIcon } from '../../../ui/icons'
import { LoadingBlock } from '../../../ui/Spinner'
import type { CustomerDto } from '../../customers/api'
import { useDepositTargets } from '../api'
import { AttachAddressForm } from './AttachAddressForm'
import { DepositAddressTable } from './DepositAddressTable'
import { GetAddressPanel } from './GetAddressPanel'

export interface DepositAddressesCardProps {
  customer: CustomerDto
  /** Viewers can look but not allocate or attach addresses. */
  canWrite: boolean
}

/** The customer's crypto addresses: get one to share (with QR code), attach an existing one, list them all. */
export function DepositAddressesCard({ customer, canWrite }: DepositAddressesCardProps) {
  const list = useDepositTargets(customer.id)
  const [attaching, setAttaching] = useState(false)
  const [attached, setAttached] = useState<string | null>(null)

  return (
    <section className="card card--flush deposit-card" aria-labelledby="deposit-title">
      <div className="card__inset">
        <div className="card__header">
          <h2 className="card__title" id="deposit-title">
            Deposit addresses
          </h2>
          {canWrite ? (
            <button
              type="button"
              className="button button--ghost button--small"
              aria-expanded={attaching}
              onClick={() => {
                setAttached(null)
                setAttaching((v) => !v)
              }}
            >
              {attaching ? <XIcon /> : <PlusIcon />}
              Attach an existing address
            </button>
          ) : null}
        </div>
        <p className="card__description">
          Each customer gets their own address per network, so what they pay is matched to them automatically.
        </p>
        {attaching ? (
          <AttachAddressForm
            customer={customer}
            onCancel={() => setAttaching(false)}
            onAttached={(address) => {
              setAttaching(false)
              setAttached(address)
            }}
          />
        ) : null}
        {attached ? (
          <div className="alert alert--success" role="status">
            <span>
              <code>{attached}</code> is attached: payments to it are now matched to {customer.name}.
            </span>
          </div>
        ) : null}
        {canWrite ? <GetAddressPanel customer={customer} /> : null}
      </div>
      {list.isPending ? (
        <LoadingBlock label="Loading addresses" />
      ) : list.isError ? (
        <div className="card__inset">
          <ErrorAlert
            error={list.error}
            title="Addresses could not be loaded"
            onRetry={() => void list.refetch()}
          />
        </div>
      ) : list.data.length === 0 ? (
        <EmptyState
          icon={<WalletIcon width={28} height={28} />}
          title="No deposit addresses yet"
          description={
            canWrite
              ? 'Pick a coin above and get an address to share with this customer, or attach one they already pay to.'
              : 'Once an address is given to this customer, it is listed here.'
          }
        />
      ) : (
        <DepositAddressTable addresses={list.data} />
      )}
    </section>
  )
}
