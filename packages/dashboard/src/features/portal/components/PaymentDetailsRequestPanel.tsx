import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ApiProblem } from '../../../api/problem'
import { ErrorAlert } from '../../../ui/Alert'
import { portalSettingsApi } from '../api'

/** On a customer's profile: ask them for their coins and a refund address, and whether they answered. */
export function PaymentDetailsRequestPanel({
  customerId,
  canWrite,
}: {
  customerId: string
  canWrite: boolean
}) {
  const client = useQueryClient()
  const key = ['payment-details-request', customerId]
  const current = useQuery({
    queryKey: key,
    queryFn: () =>
      portalSettingsApi.getOne(customerId).catch((err: unknown) => {
        if (err instanceof ApiProblem && err.status === 404) return null
        throw err
      }),
  })
  const request = useMutation({
    mutationFn: () => portalSettingsApi.requestOne(customerId),
    onSuccess: (r) => client.setQueryData(key, r),
  })
  const r = current.data
  return (
    <section className="card stack" aria-label="Payment details request">
      <h2>Payment details</h2>
      {request.error ? <ErrorAlert error={request.error} title="The request was not sent" /> : null}
      <p data-testid="payment-details-status">
        {!r
          ? 'Never asked.'
          : r.answeredAt
            ? `Asked ${new Date(r.requestedAt).toLocaleString()}, answered ${new Date(r.answeredAt).toLocaleString()}.`
            : `Asked ${new Date(r.requestedAt).toLocaleString()}, not answered yet.`}
      </p>
      {canWrite ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={request.isPending}
          onClick={() => request.mutate()}
        >
          Request payment details
        </button>
      ) : null}
    </section>
  )
}
