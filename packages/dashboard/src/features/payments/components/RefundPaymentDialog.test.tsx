import { fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildMe, buildPayment, problem, renderWithApp, stubApi } from '../../../test/api'
import { buildCustomer } from '../../../test/factories'
import type { PaymentDetail, Refund } from '../api'
import { CustomerPaymentsTab } from './CustomerPaymentsTab'

afterEach(() => vi.unstubAllGlobals())

const ada = buildCustomer({ name: 'Ada Lovelace' })
const ADA = ada.id
const SAVED = '0x52908400098527886E0F7030069857D2E4169EE7'

const refund: Refund = {
  id: '0190e000-0000-7000-8000-000000000001',
  paymentId: '',
  network: 'ethereum',
  asset: 'ETH',
  amount: '0.1',
  amountBaseUnits: '100000000000000000',
  fiatCurrency: 'USD',
  fiatValue: '324.96',
  address: SAVED,
  memo: null,
  txHash: null,
  explorerUrl: null,
  note: 'One seat returned',
  actor: { type: 'user', id: null },
  createdAt: '2026-03-05T10:00:00.000Z',
}
const payment = buildPayment({
  customerId: ADA,
  customerName: 'Ada Lovelace',
  amount: '0.25',
  refundedAmount: '0.1',
  refundedFiatValue: '324.96',
  refundStatus: 'partial',
})
const detail: PaymentDetail = { ...payment, refunds: [{ ...refund, paymentId: payment.id }] }

/** The profile's Payments tab, with the API answering the list, the payment, its customer's methods and the refund. */
function open(
  opts: { role?: 'owner' | 'viewer'; onRefund?: () => { status?: number; body?: unknown } } = {},
) {
  const requests = stubApi(({ method, url }) => {
    if (url.pathname === `/api/v1/customers/${ADA}/payments`)
      return { body: { data: [payment], nextCursor: null } }
    if (url.pathname === `/api/v1/payments/${payment.id}`) return { body: detail }
    if (url.pathname === `/api/v1/customers/${ADA}/payment-methods`)
      return {
        body: {
          preferredCoins: [],
          defaultMethod: null,
          depositAddresses: [],
          wallets: [],
          refundAddresses: [
            {
              network: 'bitcoin',
              address: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
              memo: null,
              updatedAt: refund.createdAt,
            },
            { network: 'ethereum', address: SAVED, memo: null, updatedAt: refund.createdAt },
          ],
        },
      }
    if (method === 'POST' && url.pathname === `/api/v1/payments/${payment.id}/refunds`)
      return opts.onRefund?.() ?? { status: 201, body: refund }
    return undefined
  })
  renderWithApp(<CustomerPaymentsTab customer={ada} />, { me: buildMe(opts.role ?? 'owner') })
  return requests
}

describe('RefundPaymentDialog', () => {
  it('shows the refunded badge, prefills the customer’s refund address, fills the max and records the refund', async () => {
    const requests = open()
    const row = (await screen.findAllByRole('row'))[1] as HTMLElement
    expect(within(row).getByText('Partly refunded').getAttribute('title')).toBe(
      'Refunded 0.1\u00a0ETH ($324.96)',
    )
    fireEvent.click(within(row).getByRole('button', { name: 'Refund…' }))
    const dialog = await screen.findByRole('dialog')
    await within(dialog).findByRole('list', { name: 'Refunds' })
    expect(dialog.textContent).toContain(
      '0.25\u00a0ETH on Ethereum ($812.40) from Ada Lovelace. Refunded 0.1\u00a0ETH; 0.15\u00a0ETH left.',
    )
    expect(within(dialog).getByRole('list', { name: 'Refunds' }).textContent).toContain('One seat returned')

    const address = within(dialog).getByLabelText(/Refund address \(Ethereum\)/) as HTMLInputElement
    await vi.waitFor(() => expect(address.value).toBe(SAVED))
    fireEvent.click(within(dialog).getByRole('button', { name: 'Max' }))
    expect((within(dialog).getByLabelText(/Amount \(ETH\)/) as HTMLInputElement).value).toBe('0.15')
    const hash = `0x${'cd'.repeat(32)}`
    fireEvent.change(within(dialog).getByLabelText('Transaction hash'), { target: { value: hash } })
    fireEvent.change(within(dialog).getByLabelText('Note'), { target: { value: 'Rest of it' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record refund' }))
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      amount: '0.15',
      address: SAVED,
      txHash: hash,
      note: 'Rest of it',
    })
  })

  it('shows the API’s reason next to the field it names', async () => {
    const requests = open({
      onRefund: () =>
        problem(400, 'validation_failed', 'At most 0.15 ETH of this payment is left to refund', {
          errors: [{ path: 'amount', message: 'is more than the 0.15 ETH left to refund' }],
        }),
    })
    fireEvent.click(await screen.findByRole('button', { name: 'Refund…' }))
    const dialog = await screen.findByRole('dialog')
    const amount = await within(dialog).findByLabelText(/Amount \(ETH\)/)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record refund' }))
    expect(await within(dialog).findByText(/must be a positive amount of ETH, at most 0.15/)).toBeTruthy()
    expect(requests.some((r) => r.method === 'POST')).toBe(false)

    fireEvent.change(amount, { target: { value: '0.2' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record refund' }))
    expect(await within(dialog).findByText('is more than the 0.15 ETH left to refund')).toBeTruthy()
    expect(amount.getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByRole('dialog')).toBeTruthy()
  })

  it('lets a viewer see the refunds but not record one', async () => {
    open({ role: 'viewer' })
    fireEvent.click(await screen.findByRole('button', { name: 'Refunds' }))
    const dialog = await screen.findByRole('dialog')
    expect(await within(dialog).findByText('One seat returned')).toBeTruthy()
    expect(within(dialog).queryByRole('button', { name: 'Record refund' })).toBeNull()
    expect(within(dialog).queryByLabelText(/Amount/)).toBeNull()
  })
})
