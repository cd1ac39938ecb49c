import { useMutation, useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { ApiProblem } from '../../../api/problem'
import { formatMoney } from '../../../format/money'
import { ErrorAlert } from '../../../ui/Alert'
import { LoadingBlock } from '../../../ui/Spinner'
import type { Quote } from '../../checkout/api'
import { CoinPicker } from '../../checkout/components/CoinPicker'
import { QuotePanel } from '../../checkout/components/QuotePanel'
import {
  getPaymentLinkSession,
  getPublicLink,
  type PaymentLinkSession,
  quotePaymentLinkSession,
  startPaymentLinkSession,
} from '../api'
import { PayLinkForm } from './PayLinkForm'
import '../../checkout/checkout.css'

export interface PayLinkPageProps {
  slug: string
  /** How often the page asks whether the payment arrived. */
  pollIntervalMs?: number
}

const GONE: Record<string, { title: string; body: string }> = {
  disabled: {
    title: 'This payment link is disabled',
    body: 'The seller turned it off. Ask them for another way to pay.',
  },
  expired: { title: 'This payment link has expired', body: 'Ask the seller for a new link.' },
  used_up: {
    title: 'This payment link is no longer available',
    body: 'It has been used as many times as the seller allowed.',
  },
}

/** The session token survives a reload of the tab, so a payer who reloads keeps their address. */
const storageKey = (slug: string) => `coinbook:pay-link:${slug}`

function Closed({ title, body }: { title: string; body: string }) {
  return (
    <main className="checkout checkout--invalid">
      <title>{title}</title>
      <h1 className="checkout__title">{title}</h1>
      <p className="checkout-muted">{body}</p>
    </main>
  )
}

/** /l/{slug}: the payer answers what the link asks, picks a coin and pays; the page follows the payment. */
export function PayLinkPage({ slug, pollIntervalMs = 3000 }: PayLinkPageProps) {
  const [token, setToken] = useState<string | null>(() => sessionStorage.getItem(storageKey(slug)))
  const [picked, setPicked] = useState<Quote | null | undefined>(undefined)
  const link = useQuery({
    queryKey: ['pay-link', slug],
    queryFn: ({ signal }) => getPublicLink(slug, signal),
    retry: false,
    enabled: token === null,
  })
  const session = useQuery({
    queryKey: ['pay-link-session', token],
    queryFn: ({ signal }) => getPaymentLinkSession(token as string, signal),
    enabled: token !== null,
    retry: false,
    refetchInterval: (q) => (q.state.data?.status === 'paid' ? false : pollIntervalMs),
  })
  const start = useMutation({
    mutationFn: (input: Parameters<typeof startPaymentLinkSession>[1]) =>
      startPaymentLinkSession(slug, input),
    onSuccess: (s) => {
      sessionStorage.setItem(storageKey(slug), s.token)
      setToken(s.token)
    },
  })
  const quote = useMutation({
    mutationFn: (coin: { asset: Quote['asset']; network: Quote['network'] }) =>
      // Only the coin: the picker's own fields (preferred) are not the API's.
      quotePaymentLinkSession(token as string, { asset: coin.asset, network: coin.network }),
    onSuccess: (q) => {
      setPicked(q)
      void session.refetch()
    },
  })
  // A stored token of a session that no longer exists: start over.
  useEffect(() => {
    if (session.error instanceof ApiProblem && session.error.status === 404) {
      sessionStorage.removeItem(storageKey(slug))
      setToken(null)
    }
  }, [session.error, slug])

  if (token === null) {
    if (link.isPending) return <LoadingBlock label="Loading the payment link" />
    if (link.isError) {
      const err = link.error
      if (err instanceof ApiProblem && err.status === 410) {
        const gone = GONE[String(err.problem.reason)] ?? GONE.disabled
        return <Closed title={gone?.title ?? ''} body={gone?.body ?? ''} />
      }
      if (err instanceof ApiProblem && err.status === 404)
        return (
          <Closed
            title="This payment link is not valid"
            body="It may have been mistyped. Ask the seller for the link."
          />
        )
      return (
        <main className="checkout">
          <ErrorAlert
            error={err}
            title="The payment link could not be loaded"
            onRetry={() => void link.refetch()}
          />
        </main>
      )
    }
    const l = link.data
    return (
      <main className="checkout">
        <title>{`${l.title} · ${l.merchantName}`}</title>
        <meta name="referrer" content="no-referrer" />
        <header className="checkout__header">
          <p className="checkout-muted">Payment to {l.merchantName}</p>
          <h1 className="checkout__title">{l.title}</h1>
          {l.amount ? <p className="checkout-amount">{formatMoney(l.amount, l.currency)}</p> : null}
          {l.description ? <p className="checkout-muted">{l.description}</p> : null}
        </header>
        {start.error instanceof ApiProblem && start.error.status === 410 ? (
          <ErrorAlert error={start.error} title="This link closed" />
        ) : null}
        <PayLinkForm
          link={l}
          onSubmit={(input) => start.mutate(input)}
          busy={start.isPending}
          error={start.error}
        />
        <footer className="checkout__footer checkout-muted">Secured by Coinbook</footer>
      </main>
    )
  }

  if (session.isPending) return <LoadingBlock label="Loading your payment" />
  if (session.isError) {
    return (
      <main className="checkout">
        <ErrorAlert
          error={session.error}
          title="Your payment could not be loaded"
          onRetry={() => void session.refetch()}
        />
      </main>
    )
  }
  const s: PaymentLinkSession = session.data
  const shown = picked === undefined ? s.quote : picked
  return (
    <main className="checkout">
      <title>{`${s.title} · ${s.merchantName}`}</title>
      <meta name="referrer" content="no-referrer" />
      <header className="checkout__header">
        <p className="checkout-muted">Payment to {s.merchantName}</p>
        <h1 className="checkout__title">{s.title}</h1>
        <p className="checkout-amount">{formatMoney(s.amount, s.currency)}</p>
      </header>
      {s.status === 'paid' ? (
        <section className="checkout-card" role="status" aria-label="Payment status">
          <h2 className="checkout-card__title">Paid — thank you</h2>
          <p className="checkout-muted">Your payment is confirmed. You can close this page.</p>
        </section>
      ) : s.status === 'seen' ? (
        <section className="checkout-card" role="status" aria-label="Payment status">
          <h2 className="checkout-card__title">Payment received</h2>
          <p className="checkout-muted">
            We see your payment on chain and are waiting for its confirmations.
          </p>
        </section>
      ) : null}
      {s.status === 'paid' ? null : shown ? (
        <QuotePanel
          quote={shown}
          amountDue={shown.fiatAmount}
          busy={quote.isPending}
          onNewQuote={() => quote.mutate(shown)}
          onOtherCoin={() => {
            quote.reset()
            setPicked(null)
          }}
        />
      ) : s.status === 'awaiting_payment' ? (
        <CoinPicker
          coins={s.accepts.map((c) => ({ ...c, preferred: false }))}
          onPick={(coin) => quote.mutate(coin)}
          pending={quote.isPending ? quote.variables : undefined}
        />
      ) : null}
      {quote.isError ? <ErrorAlert error={quote.error} title="No quote for this coin" /> : null}
      <footer className="checkout__footer checkout-muted">Secured by Coinbook</footer>
    </main>
  )
}
