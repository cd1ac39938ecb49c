import { fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderWithApp, stubApi } from '../../../test/api'
import { CustomerCommunicationsTab } from './CustomerCommunicationsTab'
import { buildMessage } from './message-fixtures'

afterEach(() => vi.unstubAllGlobals())

const customer = { id: '0190c000-0000-7000-8000-00000000ffff', name: 'Ada', email: 'ada@example.com' }

describe('CustomerCommunicationsTab', () => {
  it('lists the customer’s messages and writes a new one', async () => {
    const sent: unknown[] = []
    const requests = stubApi((req) => {
      if (req.url.pathname === '/api/v1/messages')
        return {
          body: {
            data: [buildMessage({ subject: 'Receipt for INV-1', kind: 'receipt' }), ...sent],
            nextCursor: null,
          },
        }
      if (req.url.pathname === `/api/v1/customers/${customer.id}/messages` && req.method === 'POST') {
        const m = buildMessage({
          kind: 'custom',
          subject: (req.body as { subject: string }).subject,
          status: 'queued',
        })
        sent.unshift(m)
        return { status: 201, body: { ...m, html: '', text: '', headers: {} } }
      }
      return undefined
    })
    renderWithApp(<CustomerCommunicationsTab customer={customer} canWrite />)
    expect(await screen.findByText('Receipt for INV-1')).toBeTruthy()
    expect(requests[0]?.url.searchParams.get('customerId')).toBe(customer.id)

    fireEvent.change(screen.getByLabelText('Subject'), { target: { value: 'Your order shipped' } })
    fireEvent.change(screen.getByLabelText('Message'), { target: { value: 'It is on its way.' } })
    fireEvent.click(screen.getByRole('button', { name: 'Send' }))
    expect(await screen.findByText('Message queued.')).toBeTruthy()
    expect(await screen.findByText('Your order shipped')).toBeTruthy()
    const post = requests.find((r) => r.method === 'POST')
    expect(post?.body).toEqual({ subject: 'Your order shipped', text: 'It is on its way.' })
    await waitFor(() => expect((screen.getByLabelText('Subject') as HTMLInputElement).value).toBe(''))
  })

  it('warns when the customer has no email; a viewer cannot write', async () => {
    stubApi(() => ({ body: { data: [], nextCursor: null } }))
    renderWithApp(<CustomerCommunicationsTab customer={{ ...customer, email: null }} canWrite />)
    expect(await screen.findByText(/has no email address/)).toBeTruthy()
    expect(await screen.findByText('Nothing was sent to this customer yet.')).toBeTruthy()
  })
})
