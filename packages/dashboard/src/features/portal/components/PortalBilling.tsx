import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ErrorAlert } from '../../../ui/Alert'
import { portalApi } from '../api'

/** Invoices (paid through the checkout page), payments with their receipts, subscriptions. */
export function PortalBilling({ allowCancel }: { allowCancel: boolean }) {
  const client = useQueryClient()
  const invoices = useQuery({ queryKey: ['portal', 'invoices'], queryFn: portalApi.invoices })
  const payments = useQuery({ queryKey: ['portal', 'payments'], queryFn: portalApi.payments })
  const subs = useQuery({ queryKey: ['portal', 'subscriptions'], queryFn: portalApi.subscriptions })
  const cancel = useMutation({
    mutationFn: portalApi.cancelSubscription,
    onSuccess: (r) => client.setQueryData(['portal', 'subscriptions'], r),
  })
  return (
    <>
      <section className="card stack" aria-label="Invoices">
        <h2>Invoices</h2>
        {invoices.data?.data.length === 0 ? <p>No invoices yet.</p> : null}
        {invoices.data?.data.length ? (
          <table className="table">
            <thead>
              <tr>
                <th>Number</th>
                <th>Status</th>
                <th>Total</th>
                <th>Due</th>
                <th>Due date</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {invoices.data.data.map((i) => (
                <tr key={i.id}>
                  <td>{i.number}</td>
                  <td>{i.status.replace('_', ' ')}</td>
                  <td>
                    {i.total} {i.currency}
                  </td>
                  <td>
                    {i.amountDue} {i.currency}
                  </td>
                  <td>{i.dueDate}</td>
                  <td>{i.payUrl ? <a href={i.payUrl}>Pay {i.number}</a> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      <section className="card stack" aria-label="Payments">
        <h2>Payments</h2>
        {payments.data?.data.length === 0 ? <p>No payments yet.</p> : null}
        {payments.data?.data.map((p) => (
          <details key={p.id} className="portal__receipt">
            <summary>
              {p.amount} {p.asset} on {p.network} · {p.status} · {p.detectedAt.slice(0, 10)}
            </summary>
            <dl>
              <dt>Receipt for</dt>
              <dd>{p.invoiceNumber ?? 'no invoice'}</dd>
              <dt>Value</dt>
              <dd>{p.fiatValue ? `${p.fiatValue} ${p.fiatCurrency}` : '—'}</dd>
              <dt>Transaction</dt>
              <dd>{p.explorerUrl ? <a href={p.explorerUrl}>{p.txHash}</a> : p.txHash}</dd>
            </dl>
          </details>
        ))}
      </section>
      <section className="card stack" aria-label="Subscriptions">
        <h2>Subscriptions</h2>
        {cancel.error ? <ErrorAlert error={cancel.error} title="The subscription was not canceled" /> : null}
        {subs.data?.data.length === 0 ? <p>No subscriptions.</p> : null}
        {subs.data?.data.map((s) => (
          <div key={s.id} className="row">
            <span>
              {s.planName} · {s.amount} {s.currency} · {s.status}
              {s.cancelAt ? ` · ends on ${s.cancelAt}` : ` · renews on ${s.nextPeriodStart}`}
            </span>
            {allowCancel && !s.cancelAt && s.status !== 'canceled' ? (
              <button
                type="button"
                className="button button--danger-ghost"
                disabled={cancel.isPending}
                onClick={() => cancel.mutate(s.id)}
              >
                Cancel at period end
              </button>
            ) : null}
          </div>
        ))}
      </section>
    </>
  )
}
