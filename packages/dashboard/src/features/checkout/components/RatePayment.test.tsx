import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { problem, stubApi } from '../../../test/api'
import { TOKEN } from './checkout-fixtures'
import { RatePayment } from './RatePayment'

afterEach(() => vi.unstubAllGlobals())

function open(rating: Parameters<typeof RatePayment>[0]['rating'] = null) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  })
  render(
    <QueryClientProvider client={client}>
      <RatePayment token={TOKEN} rating={rating} />
    </QueryClientProvider>,
  )
}

describe('RatePayment', () => {
  it('sends the stars and the comment to the pay link’s rating, then thanks the payer', async () => {
    const requests = stubApi((req) =>
      req.method === 'PUT'
        ? { body: { rating: 4, comment: 'Smooth', updatedAt: new Date().toISOString() } }
        : undefined,
    )
    open()
    const send = screen.getByRole('button', { name: 'Send rating' })
    expect((send as HTMLButtonElement).disabled).toBe(true)
    await userEvent.click(screen.getByLabelText('4 out of 5'))
    await userEvent.type(screen.getByLabelText('Comment'), 'Smooth')
    await userEvent.click(send)
    expect(requests.find((r) => r.method === 'PUT')).toMatchObject({
      body: { rating: 4, comment: 'Smooth' },
    })
    expect(requests.find((r) => r.method === 'PUT')?.url.pathname).toBe(
      `/api/v1/public/checkout/${TOKEN}/rating`,
    )
  })

  it('shows a rating already given with a way to change it, and the API’s refusal', async () => {
    stubApi((req) =>
      req.method === 'PUT'
        ? problem(409, 'conflict', 'A payment can be rated once it has been received')
        : undefined,
    )
    open({ rating: 5, comment: 'Great', updatedAt: '2026-01-01T00:00:00Z' })
    expect(screen.getByText(/5 \/ 5 — “Great”/)).toBeTruthy()
    await userEvent.click(screen.getByRole('button', { name: 'Change your rating' }))
    await userEvent.click(screen.getByLabelText('2 out of 5'))
    await userEvent.click(screen.getByRole('button', { name: 'Send rating' }))
    expect(await screen.findByText(/once it has been received/)).toBeTruthy()
  })
})
