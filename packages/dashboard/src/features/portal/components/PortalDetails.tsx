import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { ApiProblem } from '../../../api/problem'
import { Alert } from '../../../ui/Alert'
import { COINS, type Coin, NETWORKS, type PortalMe, portalApi } from '../api'

const coinKey = (c: Coin) => `${c.asset}/${c.network}`

/** What went wrong, with the API's field errors ("address: is not a valid tron address"). */
function Problem({ error }: { error: unknown }) {
  if (!error) return null
  const p = error instanceof ApiProblem ? error : null
  return (
    <Alert tone="error" title="Not saved">
      {p ? p.detail : String(error)}
      {p?.fieldErrors.length ? (
        <ul>
          {p.fieldErrors.map((f) => (
            <li key={f.path}>
              {f.path}: {f.message}
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  )
}

function Saved({ when }: { when: boolean }) {
  return when ? <Alert tone="success">Saved.</Alert> : null
}

/** The customer's details, as far as the merchant lets them change them. */
export function PortalDetails({ me }: { me: PortalMe }) {
  const client = useQueryClient()
  const { editable } = me.settings
  const c = me.customer
  const [name, setName] = useState(c.name)
  const [email, setEmail] = useState(c.email ?? '')
  const [phone, setPhone] = useState(c.phone ?? '')
  const [company, setCompany] = useState(c.company ?? '')
  const [line1, setLine1] = useState(c.billingAddress?.line1 ?? '')
  const [city, setCity] = useState(c.billingAddress?.city ?? '')
  const [postalCode, setPostalCode] = useState(c.billingAddress?.postalCode ?? '')
  const [country, setCountry] = useState(c.billingAddress?.country ?? '')
  const [coins, setCoins] = useState<string[]>(c.preferredCoins.map(coinKey))
  const refresh = (next: PortalMe) => client.setQueryData(['portal', 'me'], next)
  const profile = useMutation({ mutationFn: portalApi.updateProfile, onSuccess: refresh })

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const body: Record<string, unknown> = {}
    if (editable.contact) {
      body.name = name.trim()
      if (email.trim()) body.email = email.trim()
      body.phone = phone.trim() || null
      body.company = company.trim() || null
    }
    if (editable.billingAddress) {
      const address = Object.fromEntries(
        Object.entries({ line1, city, postalCode, country }).filter(([, v]) => v.trim() !== ''),
      )
      body.billingAddress = Object.keys(address).length ? address : null
    }
    if (editable.preferredCoins)
      body.preferredCoins = coins.map((k) => COINS.find((x) => coinKey(x) === k)).filter(Boolean)
    profile.mutate(body)
  }
  const input = (label: string, value: string, set: (v: string) => void, disabled: boolean) => (
    <label className="field">
      <span className="field__label">{label}</span>
      <input className="input" value={value} disabled={disabled} onChange={(e) => set(e.target.value)} />
    </label>
  )
  return (
    <>
      {me.paymentDetailsRequest && !me.paymentDetailsRequest.answeredAt ? (
        <PaymentDetailsForm onDone={refresh} />
      ) : null}
      <form className="card stack" aria-label="Your details" onSubmit={submit}>
        <h2>Your details</h2>
        <Problem error={profile.error} />
        <Saved when={profile.isSuccess && !profile.isPending} />
        {input('Name', name, setName, !editable.contact)}
        {input('Email', email, setEmail, !editable.contact)}
        {input('Phone', phone, setPhone, !editable.contact)}
        {input('Company', company, setCompany, !editable.contact)}
        <fieldset className="stack">
          <legend>Billing address</legend>
          {input('Street', line1, setLine1, !editable.billingAddress)}
          {input('City', city, setCity, !editable.billingAddress)}
          {input('Postal code', postalCode, setPostalCode, !editable.billingAddress)}
          {input('Country (2 letters)', country, setCountry, !editable.billingAddress)}
        </fieldset>
        <CoinChoice value={coins} onChange={setCoins} disabled={!editable.preferredCoins} />
        <button className="button button--primary" type="submit" disabled={profile.isPending}>
          Save details
        </button>
      </form>
      {editable.refundAddresses ? <RefundAddresses /> : null}
      {editable.messagePreferences ? <MessagePreferences /> : null}
    </>
  )
}

function CoinChoice({
  value,
  onChange,
  disabled,
}: {
  value: string[]
  onChange: (v: string[]) => void
  disabled?: boolean
}) {
  return (
    <fieldset className="stack">
      <legend>Coins you pay with</legend>
      {COINS.map((coin) => {
        const key = coinKey(coin)
        return (
          <label key={key} className="checkbox-field">
            <input
              type="checkbox"
              checked={value.includes(key)}
              disabled={disabled}
              onChange={(e) => onChange(e.target.checked ? [...value, key] : value.filter((k) => k !== key))}
            />{' '}
            {coin.asset} on {coin.network}
          </label>
        )
      })}
    </fieldset>
  )
}

function AddressFields({
  network,
  setNetwork,
  address,
  setAddress,
}: {
  network: string
  setNetwork: (v: string) => void
  address: string
  setAddress: (v: string) => void
}) {
  return (
    <>
      <label className="field">
        <span className="field__label">Refund network</span>
        <select className="input" value={network} onChange={(e) => setNetwork(e.target.value)}>
          {NETWORKS.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">Refund address</span>
        <input className="input" value={address} onChange={(e) => setAddress(e.target.value)} />
      </label>
    </>
  )
}

function RefundAddresses() {
  const client = useQueryClient()
  const list = useQuery({ queryKey: ['portal', 'refund-addresses'], queryFn: portalApi.refundAddresses })
  const [network, setNetwork] = useState<string>('bitcoin')
  const [address, setAddress] = useState('')
  const save = useMutation({
    mutationFn: () => portalApi.putRefundAddress(network, address.trim(), null),
    onSuccess: () => client.invalidateQueries({ queryKey: ['portal', 'refund-addresses'] }),
  })
  return (
    <form
      className="card stack"
      aria-label="Refund addresses"
      onSubmit={(e) => {
        e.preventDefault()
        save.mutate()
      }}
    >
      <h2>Refund addresses</h2>
      <ul data-testid="refund-addresses">
        {list.data?.data.map((r) => (
          <li key={r.network}>
            {r.network}: {r.address}
          </li>
        ))}
      </ul>
      <Problem error={save.error} />
      <Saved when={save.isSuccess && !save.isPending} />
      <AddressFields network={network} setNetwork={setNetwork} address={address} setAddress={setAddress} />
      <button className="button button--secondary" type="submit" disabled={save.isPending}>
        Save refund address
      </button>
    </form>
  )
}

function MessagePreferences() {
  const client = useQueryClient()
  const prefs = useQuery({ queryKey: ['portal', 'prefs'], queryFn: portalApi.messagePreferences })
  const save = useMutation({
    mutationFn: portalApi.putMessagePreferences,
    onSuccess: (r) => client.setQueryData(['portal', 'prefs'], r),
  })
  const list = prefs.data?.data ?? []
  return (
    <section className="card stack" aria-label="Emails">
      <h2>Emails</h2>
      <Problem error={save.error} />
      {list.map((p) => (
        <label key={p.kind} className="checkbox-field">
          <input
            type="checkbox"
            checked={p.subscribed}
            disabled={save.isPending}
            onChange={(e) =>
              save.mutate(
                list
                  .filter((x) => (x.kind === p.kind ? !e.target.checked : !x.subscribed))
                  .map((x) => x.kind),
              )
            }
          />{' '}
          {p.label}
        </label>
      ))}
    </section>
  )
}

/** The merchant asked: which coins, and where refunds go. */
function PaymentDetailsForm({ onDone }: { onDone: (me: PortalMe) => void }) {
  const [coins, setCoins] = useState<string[]>([])
  const [network, setNetwork] = useState<string>('bitcoin')
  const [address, setAddress] = useState('')
  const answer = useMutation({
    mutationFn: () =>
      portalApi.answerPaymentDetails({
        preferredCoins: coins.map((k) => COINS.find((x) => coinKey(x) === k) as Coin),
        refundAddress: { network, address: address.trim(), memo: null },
      }),
    onSuccess: onDone,
  })
  return (
    <form
      className="card stack"
      aria-label="Payment details"
      onSubmit={(e) => {
        e.preventDefault()
        answer.mutate()
      }}
    >
      <h2>How would you like to pay?</h2>
      <p>Choose the coins you pay with and where refunds should go.</p>
      <Problem error={answer.error} />
      <CoinChoice value={coins} onChange={setCoins} />
      <AddressFields network={network} setNetwork={setNetwork} address={address} setAddress={setAddress} />
      <button className="button button--primary" type="submit" disabled={answer.isPending}>
        Send my payment details
      </button>
    </form>
  )
}
