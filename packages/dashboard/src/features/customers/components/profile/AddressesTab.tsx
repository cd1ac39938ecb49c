import { countryName } from '../../../../format/countries'
import { DepositAddressesCard } from '../../../deposit-addresses/components/DepositAddressesCard'
import type { CustomerDto } from '../../api'

type Address = NonNullable<CustomerDto['billingAddress']>

export interface AddressesTabProps {
  customer: CustomerDto
  canWrite: boolean
}

interface PostalAddressProps {
  title: string
  address: Address | null
}

function PostalAddress({ title, address }: PostalAddressProps) {
  const lines = address
    ? [
        address.line1,
        address.line2,
        [address.postalCode, address.city].filter(Boolean).join(' '),
        address.state,
        address.country ? countryName(address.country) : null,
      ].filter((l): l is string => Boolean(l))
    : []
  return (
    <section className="card">
      <h2 className="card__title">{title}</h2>
      {lines.length ? (
        <address className="postal-address">
          {lines.map((l) => (
            <span key={l}>{l}</span>
          ))}
        </address>
      ) : (
        <p className="muted">No {title.toLowerCase()}.</p>
      )}
    </section>
  )
}

export function AddressesTab({ customer, canWrite }: AddressesTabProps) {
  return (
    <div className="stack">
      <DepositAddressesCard customer={customer} canWrite={canWrite} />
      <div className="two-columns">
        <PostalAddress title="Billing address" address={customer.billingAddress} />
        <PostalAddress title="Shipping address" address={customer.shippingAddress} />
      </div>
    </div>
  )
}
