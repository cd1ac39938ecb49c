import { useQuery } from '@tanstack/react-query'
import { listCustomerRatings } from '../api'
import '../privacy.css'

export interface CustomerRatingsPanelProps {
  customerId: string
}

const stars = (n: number) => '★'.repeat(n) + '☆'.repeat(5 - n)

/** What the customer said after paying: the average and each invoice's rating and comment. */
export function CustomerRatingsPanel({ customerId }: CustomerRatingsPanelProps) {
  const ratings = useQuery({
    queryKey: ['customers', 'ratings', customerId],
    queryFn: ({ signal }) => listCustomerRatings(customerId, signal),
  })
  if (!ratings.data) return null
  const r = ratings.data
  return (
    <section className="card ratings-panel" aria-label="Ratings">
      <h2 className="card__title">Ratings</h2>
      {r.count === 0 ? (
        <p className="muted">
          No ratings yet. Payers can rate an invoice on its pay page once they have paid.
        </p>
      ) : (
        <>
          <p>
            <strong>{r.average}</strong> / 5 average from {r.count} {r.count === 1 ? 'rating' : 'ratings'}
          </p>
          <ul className="ratings-panel__list">
            {r.data.map((x) => (
              <li key={x.invoiceId}>
                <span aria-hidden="true">{stars(x.rating)}</span>
                <span className="visually-hidden">{x.rating} out of 5</span> {x.invoiceNumber}
                {x.comment ? <q>{x.comment}</q> : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
