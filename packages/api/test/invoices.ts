import type { Session, TestApp } from './harness.js'

/** A valid create body: one line of 100 in the customer's default currency; overrides win. */
export function invoiceBody(customerId: string, overrides: Record<string, unknown> = {}) {
  return {
    customerId,
    lines: [{ description: 'Monthly plan', quantity: '1', unitAmount: '100.00' }],
    ...overrides,
  }
}

/** Creates a draft through the API and returns the invoice. */
export async function createInvoice(
  t: TestApp,
  as: Session,
  customerId: string,
  overrides: Record<string, unknown> = {},
) {
  const res = await t.request('POST', '/api/v1/invoices', { as, body: invoiceBody(customerId, overrides) })
  if (res.status !== 201) throw new Error(`create invoice failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

/** Sends an invoice and returns it (open, with its pay link). */
export async function sendInvoice(t: TestApp, as: Session, id: string) {
  const res = await t.request('POST', `/api/v1/invoices/${id}/send`, { as })
  if (res.status !== 200) throw new Error(`send failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

/** The token of an invoice's pay link. */
export function payToken(invoice: { payUrl: string | null }): string {
  const token = invoice.payUrl?.split('/').at(-1)
  if (!token) throw new Error('the invoice has no pay link')
  return token
}
