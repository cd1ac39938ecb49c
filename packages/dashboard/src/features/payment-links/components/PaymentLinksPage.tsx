import { useState } from 'react'
import { formatDate } from '../../../format/dates'
import { formatMoney } from '../../../format/money'
import { ErrorAlert } from '../../../ui/Alert'
import { Badge, type BadgeTone } from '../../../ui/Badge'
import { CopyButton } from '../../../ui/CopyButton'
import { DocumentTitle } from '../../../ui/DocumentTitle'
import { EmptyState } from '../../../ui/EmptyState'
import { FilterSelect } from '../../../ui/FilterSelect'
import { PlusIcon } from '../../../ui/icons'
import { PageHeader } from '../../../ui/PageHeader'
import { LoadingBlock } from '../../../ui/Spinner'
import { useCurrentMe } from '../../auth/hooks/useMe'
import { type PaymentLink, type PaymentLinkStatus, STATUS_LABELS } from '../api'
import { usePaymentLinks, useSetPaymentLinkDisabled } from '../hooks/queries'
import { PaymentLinkFormDialog } from './PaymentLinkFormDialog'
import { PaymentLinkPayersDialog } from './PaymentLinkPayersDialog'

const TONES: Record<PaymentLinkStatus, BadgeTone> = {
  active: 'success',
  disabled: 'neutral',
  expired: 'warning',
  used_up: 'info',
}
const statusOptions = (Object.keys(STATUS_LABELS) as PaymentLinkStatus[]).map((value) => ({
  value,
  label: STATUS_LABELS[value],
}))

interface PaymentLinksTableProps {
  links: readonly PaymentLink[]
  onDisable?: ((link: PaymentLink, disabled: boolean) => void) | undefined
  onShowPayers: (link: PaymentLink) => void
  busy: boolean
}

function PaymentLinksTable({ links, onDisable, onShowPayers, busy }: PaymentLinksTableProps) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Payment links">
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Payers
            </th>
            <th scope="col">Expires</th>
            <th scope="col">Link</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {links.map((l) => {
            const url = `${window.location.origin}${l.url}`
            return (
              <tr key={l.id}>
                <td className="strong">{l.title}</td>
                <td className="num">
                  {l.amount ? formatMoney(l.amount, l.currency) : `Payer’s choice (${l.currency})`}
                </td>
                <td>
                  <Badge tone={TONES[l.status]}>{STATUS_LABELS[l.status]}</Badge>
                </td>
                <td className="num">
                  {l.uses}
                  {l.maxUses !== null ? ` / ${l.maxUses}` : ''}
                </td>
                <td className="nowrap">{l.expiresAt ? formatDate(l.expiresAt) : '—'}</td>
                <td className="nowrap">
                  <a href={l.url} target="_blank" rel="noreferrer">
                    {l.url}
                  </a>{' '}
                  <CopyButton value={url} label={`Copy the link of ${l.title}`} />
                </td>
                <td className="nowrap">
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    aria-label={`Payers of ${l.title}`}
                    onClick={() => onShowPayers(l)}
                  >
                    Payers
                  </button>
                  {onDisable ? (
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      disabled={busy}
                      aria-label={`${l.disabledAt ? 'Enable' : 'Disable'} ${l.title}`}
                      onClick={() => onDisable(l, !l.disabledAt)}
                    >
                      {l.disabledAt ? 'Enable' : 'Disable'}
                    </button>
                  ) : null}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

/** /payment-links — public pages that take a payment and create or match the payer's profile. */
export function PaymentLinksPage() {
  const me = useCurrentMe()
  const canWrite = me.role !== 'viewer'
  const [creating, setCreating] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const [status, setStatus] = useState<PaymentLinkStatus | undefined>()
  const [payersOf, setPayersOf] = useState<PaymentLink | null>(null)
  const links = usePaymentLinks(status)
  const disable = useSetPaymentLinkDisabled()
  const newButton = canWrite ? (
    <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
      <PlusIcon />
      New payment link
    </button>
  ) : null
  return (
    <>
      <DocumentTitle title="Payment links" />
      <PageHeader
        title="Payment links"
        description="A page to share: the payer fills in what you ask, picks a coin and pays. Their first payment creates a customer, or matches the one with their email."
        actions={newButton}
      />
      {notice ? (
        <div className="alert alert--success" role="status">
          {notice}
        </div>
      ) : null}
      {disable.isError ? <ErrorAlert error={disable.error} title="The link was not changed" /> : null}
      <section className="card card--flush" aria-label="Payment link list">
        <search className="filters" aria-label="Filter payment links">
          <FilterSelect
            label="Status"
            anyLabel="All"
            value={status}
            onChange={(v) => setStatus(v && v in STATUS_LABELS ? (v as PaymentLinkStatus) : undefined)}
            options={statusOptions}
          />
        </search>
        {links.isError ? (
          <ErrorAlert
            error={links.error}
            title="The payment links could not be loaded"
            onRetry={() => links.refetch()}
          />
        ) : !links.data ? (
          <LoadingBlock label="Loading payment links" />
        ) : links.data.length === 0 ? (
          <EmptyState
            title={status ? 'No payment links with this status' : 'No payment links yet'}
            description="Create a link (say, a 25.00 USD workshop ticket) and share it anywhere."
            actions={status ? null : newButton}
          />
        ) : (
          <PaymentLinksTable
            links={links.data}
            busy={disable.isPending}
            onShowPayers={setPayersOf}
            onDisable={
              canWrite
                ? (link, to) =>
                    disable.mutate(
                      { id: link.id, disabled: to },
                      {
                        onSuccess: () =>
                          setNotice(
                            to
                              ? `“${link.title}” is disabled: its page says so and takes no payers.`
                              : `“${link.title}” takes payers again.`,
                          ),
                      },
                    )
                : undefined
            }
          />
        )}
      </section>
      <PaymentLinkPayersDialog link={payersOf} onClose={() => setPayersOf(null)} />
      <PaymentLinkFormDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(l) =>
          setNotice(`Payment link “${l.title}” created: share ${window.location.origin}${l.url}`)
        }
        defaultCurrency={me.merchant.reportingCurrency}
      />
    </>
  )
}
