import { FormSection } from '../FormSection'
import type { SectionProps } from '../types'
import { AddressFields } from './AddressFields'

export function AddressesSection({ values, set }: SectionProps) {
  return (
    <FormSection title="Addresses" description="Billing goes on invoices; shipping is where goods are sent.">
      <div className="span-2 address-grid">
        <AddressFields
          legend="Billing address"
          path="billingAddress"
          value={values.billingAddress}
          onChange={(v) => set('billingAddress', v)}
        />
        <div>
          <AddressFields
            legend="Shipping address"
            path="shippingAddress"
            value={values.shippingAddress}
            onChange={(v) => set('shippingAddress', v)}
          />
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => set('shippingAddress', { ...values.billingAddress })}
          >
            Copy from billing
          </button>
        </div>
      </div>
    </FormSection>
  )
}
