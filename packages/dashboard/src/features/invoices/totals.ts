import { parseUnits } from '@coinbook/chain-watchers/money'

// The editor's live totals, computed the way the API prices an invoice (modules/invoices/money.ts and
// services/totals.ts): bigint minor units, each line rounded half-up to the currency, tax rounded once per
// rate over the sum of its lines. The figures shown before saving are the ones the invoice will carry.

const QUANTITY_DECIMALS = 6
const UNIT_DECIMALS = 6
const PERCENT_DECIMALS = 4

const QUANTITY = /^\d{1,12}(\.\d{1,6})?$/
const UNIT_AMOUNT = /^\d{1,20}(\.\d{1,6})?$/

/** Minor units of an ISO 4217 currency (JPY 0, USD 2, KWD 3), as the API reads them. */
export function fiatDecimals(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    )
  } catch {
    return 2
  }
}

function divHalfUp(n: bigint, d: bigint): bigint {
  return (n + d / 2n) / d
}

/** Minor units as a decimal string with the currency's places: 10000n, 2 → "100.00". */
export function formatMinor(value: bigint, decimals: number): string {
  const negative = value < 0n
  const abs = negative ? -value : value
  const base = 10n ** BigInt(decimals)
  const fraction = decimals ? `.${(abs % base).toString().padStart(decimals, '0')}` : ''
  return `${negative ? '-' : ''}${abs / base}${fraction}`
}

export interface DraftLine {
  quantity: string
  unitAmount: string
  /** The line's tax, or null (none, or a tax-exempt customer). */
  tax: { id: string; name: string; percentage: string } | null
}

/** What is wrong with a line's quantity or unit price before it is sent, as the API would say it. */
export function lineProblems(line: Pick<DraftLine, 'quantity' | 'unitAmount'>) {
  const q = line.quantity.trim()
  const u = line.unitAmount.trim()
  return {
    quantity:
      q === ''
        ? 'is required'
        : !QUANTITY.test(q)
          ? 'must be a positive decimal number with at most 6 decimals'
          : /[1-9]/.test(q)
            ? undefined
            : 'must be greater than zero',
    unitAmount:
      u === ''
        ? 'is required'
        : UNIT_AMOUNT.test(u)
          ? undefined
          : 'must be a decimal number with at most 6 decimals, such as 100.00',
  }
}

export interface DraftTotals {
  /** Each line's amount in minor units; null while the line's numbers are not valid. */
  lines: (bigint | null)[]
  subtotal: bigint
  taxes: { id: string; name: string; percentage: string; amount: bigint }[]
  taxTotal: bigint
  total: bigint
  /** Every line has valid numbers: the totals are the invoice's. */
  complete: boolean
}

/** Line amounts, subtotal, tax per rate (in the order lines first name it) and total, exactly. */
export function draftTotals(lines: readonly DraftLine[], decimals: number): DraftTotals {
  const amounts = lines.map((l) => {
    const p = lineProblems(l)
    if (p.quantity || p.unitAmount) return null
    const q = parseUnits(l.quantity.trim(), QUANTITY_DECIMALS)
    const u = parseUnits(l.unitAmount.trim(), UNIT_DECIMALS)
    return divHalfUp(q * u, 10n ** BigInt(QUANTITY_DECIMALS + UNIT_DECIMALS - decimals))
  })
  const subtotal = amounts.reduce<bigint>((sum, a) => sum + (a ?? 0n), 0n)
  const bases = new Map<string, { tax: NonNullable<DraftLine['tax']>; base: bigint }>()
  lines.forEach((l, i) => {
    const amount = amounts[i]
    if (!l.tax || amount == null) return
    const entry = bases.get(l.tax.id) ?? { tax: l.tax, base: 0n }
    entry.base += amount
    bases.set(l.tax.id, entry)
  })
  const taxes = [...bases.values()].map(({ tax, base }) => ({
    ...tax,
    amount: divHalfUp(
      base * parseUnits(tax.percentage, PERCENT_DECIMALS),
      100n * 10n ** BigInt(PERCENT_DECIMALS),
    ),
  }))
  const taxTotal = taxes.reduce((sum, t) => sum + t.amount, 0n)
  return {
    lines: amounts,
    subtotal,
    taxes,
    taxTotal,
    total: subtotal + taxTotal,
    complete: amounts.every((a) => a !== null),
  }
}
