import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { ApiProblem } from '../../../api/problem'
import { ErrorAlert } from '../../../ui/Alert'
import { LoadingBlock } from '../../../ui/Spinner'
import { type CheckoutCoin, createCheckoutQuote, isSettled, type Quote } from '../api'
import { useCheckout } from '../hooks/useCheckout'
import { CoinPicker } from './CoinPicker'
import { InvalidLink } from './InvalidLink'
import { InvoiceSummary } from './InvoiceSummary'
import { PaymentStatus } from './PaymentStatus'
import { QuotePanel } from './QuotePanel'
import { RatePayment } from './RatePayment'
import '../checkout.css'

export interface CheckoutPageProps {
  token: string
  /** How often to refetch while the live stream is down. */
  pollIntervalMs?: number
}

/** The payer's page behind a pay link: no sign-in, one invoice, live until it is paid. */
export function CheckoutPage({ token, pollIntervalMs }: CheckoutPageProps) {
  const checkout = useCheckout(token, pollIntervalMs === undefined ? {} : { pollIntervalMs })
  // The quote the payer made here; until then, the newest still-locked one (the page was reloaded).
  const [picked, setPicked] = useState<Quote | null | undefined>(undefined)
  const quote = useMutation({
    mutationFn: (coin: Pick<CheckoutCoin, 'asset' | 'network'>) =>
      createCheckoutQuote(token, { asset: coin.asset, network: coin.network }),
    onSuccess: (q) => setPicked(q),
  })

  if (checkout.isPending) return <LoadingBlock label="Loading the invoice" />
  if (checkout.isError) {
    if (checkout.error instanceof ApiProblem && checkout.error.status === 404) return <InvalidLink />
    return (
      <main className="checkout">
        <ErrorAlert
          error={checkout.error}
          title="The invoice could not be loaded"
          onRetry={() => void checkout.refetch()}
        />
      </main>
    )
  }
  const data = checkout.data
  const shown = picked === undefined ? (data.quotes[0] ?? null) : picked
  const settled = isSettled(data.status)
  const pending = quote.isPending ? quote.variables : undefined
  // Nothing to pay with (no wallet set up): "Waiting for payment" would wait forever, so only the
  // empty state below is shown, unless something was already paid or seen.
  const noWayToPay =
    !settled &&
    !shown &&
    data.accepts.length === 0 &&
    data.status !== 'partially_paid' &&
    !data.payments.some((p) => p.status === 'seen')

  return (
    <main className="checkout">
      <title>{`Pay ${data.number} · ${data.merchantName}`}</title>
      <meta name="referrer" content="no-referrer" />
      <header className="checkout__header">
        <p className="checkout-muted">Payment to</p>
        <h1 className="checkout__title">{data.merchantName}</h1>
      </header>
      {noWayToPay ? null : <PaymentStatus checkout={data} />}
      {!settled ? (
        shown ? (
          <QuotePanel
            quote={shown}
            amountDue={data.amountDue}
            busy={quote.isPending}
            onNewQuote={() => quote.mutate(shown)}
            onOtherCoin={() => {
              quote.reset()
              setPicked(null)
            }}
          />
        ) : (
          <CoinPicker
            coins={data.accepts}
            onPick={(coin) => quote.mutate(coin)}
            pending={pending}
            merchantName={data.merchantName}
          />
        )
      ) : null}
      {quote.isError ? <ErrorAlert error={quote.error} title="No quote for this coin" /> : null}
      {data.canRate ? (
        <RatePayment key={data.rating?.updatedAt ?? 'new'} token={token} rating={data.rating} />
      ) : null}
      <InvoiceSummary checkout={data} />
      <footer className="checkout__footer checkout-muted">Secured by Coinbook</footer>
    </main>
  )
}
