/**
 * The customer columns of Coinbook's CSV files: what the export writes, what the template offers and
 * what an import recognises. One table, so an exported file always imports back.
 */

/** What a column of an import can mean. `customFields.<key>` (see {@link customFieldTarget}) also works. */
export const importFields = [
  'name',
  'firstName',
  'lastName',
  'email',
  'company',
  'companyId',
  'companyEmail',
  'taxId',
  'phone',
  'address',
  'address2',
  'city',
  'state',
  'postalCode',
  'country',
  'billingCountry',
  'vatNumber',
  'customId',
  'jobTitle',
  'shippingAddress',
  'shippingAddress2',
  'shippingCity',
  'shippingState',
  'shippingPostalCode',
  'shippingCountry',
  'timezone',
  'status',
  'type',
  'tier',
  'tags',
  'notes',
  'preferredFiat',
  'paymentTermsDays',
  'preferredCoins',
  'perPaymentMax',
  'monthlyMax',
  'registrationDate',
  'customFields',
] as const

export type ImportField = (typeof importFields)[number]

/** Columns the export writes that an import reads past: Coinbook computes or assigns them. */
export const readOnlyFields = [
  'id',
  'lifetimeValue',
  'paymentCount',
  'lastPaymentAt',
  'createdAt',
  'updatedAt',
] as const

export type ReadOnlyField = (typeof readOnlyFields)[number]

/** Custom fields that have their own column (as other systems export them). */
export const COLUMN_CUSTOM_FIELDS = { companyId: 'companyId', companyEmail: 'companyEmail' } as const

interface ColumnDef {
  field: ImportField | ReadOnlyField
  /** The header Coinbook writes. */
  header: string
  /** Other headers that mean the same, compared as {@link normaliseHeader} leaves them. */
  aliases?: string[]
  /** A value for the template's example row. */
  example?: string
}

/** In the order the export writes them: the columns most systems share first, then Coinbook's own. */
export const customerColumns: readonly ColumnDef[] = [
  {
    field: 'name',
    header: 'Name',
    aliases: [
      'fullname',
      'customername',
      'customer',
      'contactname',
      'clientname',
      'displayname',
      'nome',
      'nom',
    ],
    example: 'Ana Silva',
  },
  {
    field: 'email',
    header: 'Email',
    aliases: ['emailaddress', 'mail', 'primaryemail', 'contactemail', 'customeremail', 'correo', 'courriel'],
    example: 'ana.silva@example.com',
  },
  {
    field: 'company',
    header: 'Company',
    aliases: ['companyname', 'organization', 'organisation', 'business', 'businessname', 'accountname'],
    example: 'Lisbon Bikes Lda',
  },
  {
    field: 'companyId',
    header: 'Company ID',
    aliases: ['companynumber', 'companyregistrationnumber', 'registrationnumber', 'companyregno'],
    example: '514 123 456',
  },
  {
    field: 'companyEmail',
    header: 'Company Email',
    aliases: ['businessemail'],
    example: 'billing@lisbonbikes.pt',
  },
  {
    field: 'taxId',
    header: 'Tax ID',
    aliases: ['tin', 'taxnumber', 'taxidnumber', 'ein', 'nif'],
    example: '',
  },
  {
    field: 'phone',
    header: 'Phone',
    aliases: [
      'phonenumber',
      'telephone',
      'tel',
      'mobile',
      'mobilephone',
      'cell',
      'cellphone',
      'phone1',
      'telefone',
    ],
    example: '+351 912 345 678',
  },
  {
    field: 'address',
    header: 'Address',
    aliases: [
      'address1',
      'addressline1',
      'street',
      'streetaddress',
      'billingaddress',
      'billingaddress1',
      'billingaddressline1',
      'billingstreet',
    ],
    example: 'Rua Augusta 1',
  },
  { field: 'city', header: 'City', aliases: ['town', 'locality', 'billingcity'], example: 'Lisboa' },
  {
    field: 'state',
    header: 'State',
    aliases: ['province', 'region', 'county', 'stateprovince', 'stateregion', 'billingstate'],
    example: '',
  },
  {
    field: 'postalCode',
    header: 'Zip/Postal Code',
    aliases: [
      'zip',
      'zipcode',
      'postalcode',
      'postcode',
      'postalzipcode',
      'billingzip',
      'billingpostalcode',
      'billingzippostalcode',
    ],
    example: '1100-048',
  },
  { field: 'country', header: 'Country', aliases: ['countrycode', 'nation'], example: 'PT' },
  {
    field: 'vatNumber',
    header: 'VAT Number',
    aliases: ['vat', 'vatid', 'vatno', 'vatregistrationnumber', 'euvatnumber'],
    example: 'PT514123456',
  },
  { field: 'lifetimeValue', header: 'Lifetime Value', aliases: ['ltv'] },
  { field: 'id', header: 'ID', aliases: ['coinbookid'] },
  {
    field: 'customId',
    header: 'Custom ID',
    aliases: ['externalid', 'customerid', 'clientid', 'customernumber', 'accountnumber', 'reference'],
    example: 'CRM-0001',
  },
  { field: 'jobTitle', header: 'Job Title', aliases: ['title', 'position', 'role'], example: 'Buyer' },
  {
    field: 'address2',
    header: 'Address Line 2',
    aliases: ['address2', 'billingaddress2', 'billingaddressline2'],
    example: '',
  },
  { field: 'billingCountry', header: 'Billing Country', example: 'PT' },
  {
    field: 'shippingAddress',
    header: 'Shipping Address',
    aliases: ['shippingaddress1', 'shippingaddressline1', 'shippingstreet'],
    example: '',
  },
  {
    field: 'shippingAddress2',
    header: 'Shipping Address Line 2',
    aliases: ['shippingaddress2'],
    example: '',
  },
  { field: 'shippingCity', header: 'Shipping City', example: '' },
  {
    field: 'shippingState',
    header: 'Shipping State',
    aliases: ['shippingprovince', 'shippingregion'],
    example: '',
  },
  {
    field: 'shippingPostalCode',
    header: 'Shipping Zip/Postal Code',
    aliases: ['shippingzip', 'shippingzipcode', 'shippingpostalcode', 'shippingpostcode'],
    example: '',
  },
  { field: 'shippingCountry', header: 'Shipping Country', example: '' },
  { field: 'timezone', header: 'Timezone', aliases: ['tz'], example: 'Europe/Lisbon' },
  { field: 'status', header: 'Status', example: 'active' },
  { field: 'type', header: 'Type', aliases: ['customertype'], example: 'business' },
  { field: 'tier', header: 'Tier', aliases: ['customertier', 'level'], example: 'gold' },
  { field: 'tags', header: 'Tags', aliases: ['tag', 'labels', 'label'], example: 'vip, wholesale' },
  { field: 'notes', header: 'Notes', aliases: ['note', 'comments', 'comment', 'description'], example: '' },
  {
    field: 'preferredFiat',
    header: 'Preferred Fiat',
    aliases: ['currency', 'preferredcurrency', 'fiat'],
    example: 'EUR',
  },
  {
    field: 'paymentTermsDays',
    header: 'Payment Terms (days)',
    aliases: ['paymentterms', 'terms', 'netdays'],
    example: '30',
  },
  {
    field: 'preferredCoins',
    header: 'Preferred Coins',
    aliases: ['coins', 'paymentmethods', 'preferredpaymentmethods'],
    example: 'USDT:tron, BTC:bitcoin',
  },
  {
    field: 'perPaymentMax',
    header: 'Per-Payment Limit',
    aliases: ['perpaymentmax', 'paymentlimit'],
    example: '',
  },
  {
    field: 'monthlyMax',
    header: 'Monthly Limit',
    aliases: ['monthlymax', 'monthlypaymentlimit'],
    example: '',
  },
  {
    field: 'registrationDate',
    header: 'Registration Date',
    aliases: ['registered', 'registeredon', 'signupdate', 'customersince', 'since'],
    example: '2025-03-14',
  },
  { field: 'customFields', header: 'Custom Fields', example: '{"segment":"retail"}' },
  { field: 'paymentCount', header: 'Payment Count', aliases: ['payments'] },
  { field: 'lastPaymentAt', header: 'Last Payment At', aliases: ['lastpayment', 'lastpaymentdate'] },
  { field: 'createdAt', header: 'Created At', aliases: ['created', 'createdon'] },
  { field: 'updatedAt', header: 'Updated At', aliases: ['updated', 'updatedon'] },
]

/** Fields only an import knows (another system's spreadsheet splits the name). */
const importOnly: { field: ImportField; aliases: string[] }[] = [
  { field: 'firstName', aliases: ['firstname', 'givenname', 'first', 'forename'] },
  { field: 'lastName', aliases: ['lastname', 'surname', 'familyname', 'last'] },
]

/** "E-mail" → "email", "Zip/Postal Code" → "zippostalcode", "Téléphone" → "telephone". */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

const byAlias = new Map<string, ImportField | ReadOnlyField>()
for (const def of [...customerColumns, ...importOnly]) {
  const names = 'header' in def ? [normaliseHeader(def.header), ...(def.aliases ?? [])] : def.aliases
  for (const name of names) byAlias.set(name, def.field)
}

/** The field a header means, if Coinbook recognises it. */
export function fieldForHeader(header: string): ImportField | ReadOnlyField | undefined {
  return byAlias.get(normaliseHeader(header))
}

export function isReadOnly(field: string): field is ReadOnlyField {
  return (readOnlyFields as readonly string[]).includes(field)
}

export function isImportField(field: string): field is ImportField {
  return (importFields as readonly string[]).includes(field)
}

const CUSTOM_FIELD = /^customFields\.(.{1,64})$/

/** The custom field key of a mapping target such as "customFields.segment". */
export function customFieldTarget(target: string): string | undefined {
  return CUSTOM_FIELD.exec(target)?.[1]
}

/** The header Coinbook writes for a field. */
export function headerOf(field: ImportField | ReadOnlyField): string {
  return customerColumns.find((c) => c.field === field)?.header ?? field
}
