import { formatMinor, lineAmount, percentOf } from '../money.js'

export interface LineTax {
  id: string | null
  name: string
  percentage: string
}

export interface LineInput {
  description: string
  quantity: string
  unitAmount: string
  /** null: untaxed, or a tax-exempt customer. */
  tax: LineTax | null
}

export interface Totals {
  lines: (LineInput & { amount: bigint })[]
  subtotal: bigint
  /** One entry per rate, in the order lines first name it; each rounded once over its lines' sum. */
  taxes: (LineTax & { amount: bigint })[]
  taxTotal: bigint
  total: bigint
}

/** An invoice line as stored (numbers as exact strings). */
export interface StoredLine {
  description: string
  quantity: string
  unit_amount: string
  tax_rate_id: string | null
  tax_name: string | null
  tax_percentage: string | null
}

/** The totals of stored lines. */
export function totalsOfStored(lines: readonly StoredLine[], fiatDecimals: number): Totals {
  return computeTotals(
    lines.map((l) => ({
      description: l.description,
      quantity: l.quantity,
      unitAmount: l.unit_amount,
      tax:
        l.tax_name !== null && l.tax_percentage !== null
          ? { id: l.tax_rate_id, name: l.tax_name, percentage: l.tax_percentage }
          : null,
    })),
    fiatDecimals,
  )
}

/** Line amounts, subtotal, tax per rate and total, in minor units of the invoice currency. */
export function computeTotals(lines: readonly LineInput[], fiatDecimals: number): Totals {
  const priced = lines.map((l) => ({ ...l, amount: lineAmount(l.quantity, l.unitAmount, fiatDecimals) }))
  const subtotal = priced.reduce((sum, l) => sum + l.amount, 0n)
  const bases = new Map<string, { tax: LineTax; base: bigint }>()
  for (const l of priced) {
    if (!l.tax) continue
    const key = `${l.tax.id ?? ''}|${l.tax.name}|${l.tax.percentage}`
    const entry = bases.get(key) ?? { tax: l.tax, base: 0n }
    entry.base += l.amount
    bases.set(key, entry)
  }
  const taxes = [...bases.values()].map(({ tax, base }) => ({
    ...tax,
    amount: percentOf(base, tax.percentage),
  }))
  const taxTotal = taxes.reduce((sum, t) => sum + t.amount, 0n)
  return { lines: priced, subtotal, taxes, taxTotal, total: subtotal + taxTotal }
}

/** Totals as the API shows them. */
export function presentTaxes(totals: Totals, fiatDecimals: number) {
  return totals.taxes.map((t) => ({
    taxRateId: t.id,
    name: t.name,
    percentage: t.percentage,
    amount: formatMinor(t.amount, fiatDecimals),
  }))
}
