import { Link } from 'react-router'
import { networkName } from '../../../chains/coins'
import { formatDateTime } from '../../../format/dates'
import { formatAssetAmount, formatMoney } from '../../../format/money'
import { ErrorAlert } from '../../../ui/Alert'
import { Badge } from '../../../ui/Badge'
import { EmptyState } from '../../../ui/EmptyState'
import { Modal } from '../../../ui/Modal'
import { LoadingBlock } from '../../../ui/Spinner'
import type { PaymentLink, PaymentLinkUse } from '../api'
import { usePaymentLinkUses } from '../hooks/queries'

function PayersTable({ uses }: { uses: readonly PaymentLinkUse[] }) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Payers">
        <thead>
          <tr>
            <th scope="col">Customer</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">Coin</th>
            <th scope="col">Paid</th>
          </tr>
        </thead>
        <tbody>
          {uses.map((u) => (
            <tr key={u.sessionId}>
              <td>
                <Link to={`/customers/${u.customerId}`}>{u.customerName}</Link>{' '}
                <Badge tone={u.customerMatched ? 'neutral' : 'info'}>
                  {u.customerMatched ? 'Existing' : 'New'}
                </Badge>
                {u.email ? <div className="muted small">{u.email}</div> : null}
              </td>
              <td className="num">{formatMoney(u.amount, u.currency)}</td>
              <td>
                {u.payments.length === 0
                  ? '—'
                  : u.payments.map((p) => (
                      <div key={p.id} className="nowrap">
                        {formatAssetAmount(p.amount, p.asset)} on {networkName(p.network)}
                        {p.status === 'pending' ? ' (pending)' : ''}
                      </div>
                    ))}
              </td>
              <td className="nowrap">{formatDateTime(u.paidAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export interface PaymentLinkPayersDialogProps {
  link: PaymentLink | null
  onClose: () => void
}

/** Who paid through one link: the profile each payment made or matched, what they paid and when. */
export function PaymentLinkPayersDialog({ link, onClose }: PaymentLinkPayersDialogProps) {
  const uses = usePaymentLinkUses(link?.id ?? null)
  return (
    <Modal open={link !== null} title={`Payers of “${link?.title ?? ''}”`} onClose={onClose} wide>
      {uses.isError ? (
        <ErrorAlert
          error={uses.error}
          title="The payers could not be loaded"
          onRetry={() => uses.refetch()}
        />
      ) : !uses.data ? (
        <LoadingBlock label="Loading the payers" />
      ) : uses.data.length === 0 ? (
        <EmptyState
          title="No payers yet"
          description="When someone pays through this link, their customer profile shows up here."
        />
      ) : (
        <PayersTable uses={uses.data} />
      )}
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  )
}
