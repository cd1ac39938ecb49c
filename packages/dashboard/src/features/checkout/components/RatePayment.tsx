import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { ErrorAlert } from '../../../ui/Alert'
import { rateCheckout } from '../../privacy/api'
import type { Checkout } from '../api'
import { checkoutKey } from '../hooks/useCheckout'

export interface RatePaymentProps {
  token: string
  rating: Checkout['rating']
}

/** After paying: an optional 1–5 rating and comment, which the payer can change later from the same link. */
export function RatePayment({ token, rating }: RatePaymentProps) {
  const client = useQueryClient()
  const [stars, setStars] = useState<number>(rating?.rating ?? 0)
  const [comment, setComment] = useState(rating?.comment ?? '')
  const [editing, setEditing] = useState(rating === null)
  const save = useMutation({
    mutationFn: () => rateCheckout(token, { rating: stars, comment: comment.trim() || null }),
    onSuccess: () => {
      setEditing(false)
      void client.invalidateQueries({ queryKey: checkoutKey(token) })
    },
  })
  if (!editing && rating) {
    return (
      <section className="checkout-card checkout-rating" aria-label="Your rating">
        <p>
          Thanks for your feedback: {rating.rating} / 5{rating.comment ? ` — “${rating.comment}”` : ''}
        </p>
        <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
          Change your rating
        </button>
      </section>
    )
  }
  return (
    <form
      className="checkout-card checkout-rating"
      aria-label="Rate this payment"
      onSubmit={(e) => {
        e.preventDefault()
        if (stars >= 1) save.mutate()
      }}
    >
      <fieldset className="checkout-rating__stars">
        <legend>How was paying? (optional)</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className={n <= stars ? 'is-on' : undefined}>
            <input
              type="radio"
              name="rating"
              value={n}
              checked={stars === n}
              onChange={() => setStars(n)}
              aria-label={`${n} out of 5`}
            />
            <span aria-hidden="true">★</span>
          </label>
        ))}
      </fieldset>
      <label className="checkout-rating__comment">
        <span>Comment</span>
        <textarea value={comment} maxLength={1000} rows={2} onChange={(e) => setComment(e.target.value)} />
      </label>
      <button type="submit" className="button button--primary" disabled={stars < 1 || save.isPending}>
        {save.isPending ? 'Sending…' : 'Send rating'}
      </button>
      {save.isError ? <ErrorAlert error={save.error} title="Your rating was not saved" /> : null}
    </form>
  )
}
