import { fireEvent, screen, within } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildPayment, problem, renderWithApp, stubApi } from '../../../test/api'
import { buildCustomer } from '../../../test/factories'
import type { Payment } from '../api'
import { AssignPaymentDialog } from './AssignPaymentDialog'
import { PaymentsTable } from './PaymentsTable'

afterEach(() => vi.unstubAllGlobals())

const ada = buildCustomer({ name: 'Ada Lovelace', email: 'ada@example.com' })
const grace = buildCustomer({ name: 'Grace Hopper', email: 'grace@example.com' })
const lost = buildPayment({
  customerId: null,
  customerName: null,
  network: 'ton',
  asset: 'TON',
  amount: '1.5',
  memo: 'thanks!',
})

function Harness() {
  const [assigning, setAssigning] = useState<Payment | null>(null)
  return (
    <>
      <PaymentsTable payments={[lost]} showCustomer onAssign={setAssigning} />
      <AssignPaymentDialog payment={assigning} onClose={() => setAssigning(null)} />
    </>
  )
}

describe('AssignPaymentDialog', () => {
  it('finds a customer by search and assigns the payment to them', async () => {
    const requests = stubApi(({ method, url }) => {
      if (url.pathname === '/api/v1/customers') {
        const q = url.searchParams.get('q')
        const data = [ada, grace].filter((c) => !q || c.name.toLowerCase().includes(q.toLowerCase()))
        return { body: { data, nextCursor: null } }
      }
      if (method === 'POST' && url.pathname === `/api/v1/payments/${lost.id}/assign`) {
        return { body: { ...lost, customerId: grace.id, customerName: grace.name } }
      }
      return undefined
    })
    renderWithApp(<Harness />)
    fireEvent.click(screen.getByRole('button', { name: 'Assign…' }))
    const dialog = screen.getByRole('dialog')
    expect(dialog.textContent).toContain(
      '1.5\u00a0TON on TON reached your wallet without a customer’s comment',
    )
    expect(dialog.textContent).toContain('thanks!')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Assign' }))
    expect(await within(dialog).findByText('Choose a customer first.')).toBeTruthy()

    fireEvent.change(within(dialog).getByRole('searchbox', { name: 'Find a customer' }), {
      target: { value: 'grace' },
    })
    await vi.waitFor(() => expect(within(dialog).queryByText('Ada Lovelace')).toBeNull())
    fireEvent.click(within(dialog).getByRole('radio', { name: /Grace Hopper/ }))
    fireEvent.click(within(dialog).getByRole('button', { name: 'Assign' }))
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ customerId: grace.id })
  })

  it('says why an assignment was refused', async () => {
    stubApi(({ method, url }) => {
      if (url.pathname === '/api/v1/customers') return { body: { data: [ada], nextCursor: null } }
      if (method === 'POST')
        return problem(409, 'conflict', 'This payment already belongs to another customer')
      return undefined
    })
    renderWithApp(<Harness />)
    fireEvent.click(screen.getByRole('button', { name: 'Assign…' }))
    const dialog = screen.getByRole('dialog')
    fireEvent.click(await within(dialog).findByRole('radio', { name: /Ada Lovelace/ }))
    fireEvent.click(within(dialog).getByRole('button', { name: 'Assign' }))
    expect(await within(dialog).findByText(/already belongs to another customer/)).toBeTruthy()
  })
})
