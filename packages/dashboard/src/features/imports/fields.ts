import type { ImportField } from './api'

/** How the import page names each field a column can go to; typed by the API's list, so none is missing. */
export const importFieldLabels: Record<ImportField, string> = {
  name: 'Name',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  company: 'Company',
  companyId: 'Company ID',
  companyEmail: 'Company email',
  taxId: 'Tax ID',
  phone: 'Phone',
  address: 'Address',
  address2: 'Address line 2',
  city: 'City',
  state: 'State',
  postalCode: 'Zip/Postal code',
  country: 'Country',
  billingCountry: 'Billing country',
  vatNumber: 'VAT number',
  customId: 'Custom ID',
  jobTitle: 'Job title',
  shippingAddress: 'Shipping address',
  shippingAddress2: 'Shipping address line 2',
  shippingCity: 'Shipping city',
  shippingState: 'Shipping state',
  shippingPostalCode: 'Shipping zip/postal code',
  shippingCountry: 'Shipping country',
  timezone: 'Time zone',
  status: 'Status',
  type: 'Type',
  tier: 'Tier',
  tags: 'Tags',
  notes: 'Notes',
  preferredFiat: 'Preferred fiat',
  paymentTermsDays: 'Payment terms (days)',
  preferredCoins: 'Preferred coins',
  perPaymentMax: 'Per-payment limit',
  monthlyMax: 'Monthly limit',
  registrationDate: 'Registration date',
  customFields: 'Custom fields (JSON)',
}

export const importFields = Object.keys(importFieldLabels) as ImportField[]

/** The custom field a column goes to when the merchant keeps it as one: "Loyalty level" → loyaltyLevel. */
export function customFieldKey(header: string): string {
  const words = header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
  const key = words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]?.toUpperCase() + w.slice(1).toLowerCase()))
    .join('')
  return (key || 'field').slice(0, 64)
}
