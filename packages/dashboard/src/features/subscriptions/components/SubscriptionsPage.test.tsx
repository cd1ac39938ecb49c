import { fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderWithApp, stubApi } from '../../../test/api'
import { buildCustomer } from '../../../test/factories'
import { buildPlan, buildSubscription } from './fixtures'
import { SubscriptionsPage } from './SubscriptionsPage'

afterEach(() => vi.unstubAllGlobals())

const ada = buildCustomer({ name: 'Ada Lovelace' })

describe('SubscriptionsPage', () => {
  it('lists subscriptions with their customer and filters by status', async () => {
    const sub = buildSubscription({ customerId: ada.id, status: 'past_due' })
    const requests = stubApi((req) => {
      if (req.url.pathname === '/api/v1/subscriptions') return { body: { data: [sub], nextCursor: null } }
      if (req.url.pathname === `/api/v1/customers/${ada.id}`) return { body: ada }
      return undefined
    })
    renderWithApp(<SubscriptionsPage />, { path: '/subscriptions' })
    expect(await screen.findByRole('link', { name: 'Pro' })).toBeTruthy()
    expect(await screen.findByRole('link', { name: 'Ada Lovelace' })).toBeTruthy()
    expect(screen.getByRole('table', { name: 'Subscriptions' }).textContent).toContain('Past due')
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'paused' } })
    await waitFor(() => expect(requests.at(-1)?.url.searchParams.get('status')).toBe('paused'))
  })

  it('subscribes a customer to the plan picked on the Plans page', async () => {
    const pro = buildPlan({ name: 'Pro' })
    const basic = buildPlan({ name: 'Basic' })
    const created = buildSubscription({ plan: pro, customerId: ada.id })
    const requests = stubApi((req) => {
      const p = req.url.pathname
      if (req.method === 'POST') return { status: 201, body: created }
      if (p === '/api/v1/subscriptions') return { body: { data: [], nextCursor: null } }
      if (p === '/api/v1/plans') return { body: { data: [basic, pro], nextCursor: null } }
      if (p === '/api/v1/customers') return { body: { data: [ada], nextCursor: null } }
      return undefined
    })
    const { router } = renderWithApp(<SubscriptionsPage />, { path: `/subscriptions?subscribe=${pro.id}` })
    const box = await screen.findByRole('combobox', { name: /Customer/ })
    fireEvent.focus(box)
    fireEvent.change(box, { target: { value: 'ada' } })
    fireEvent.mouseDown(await screen.findByRole('option', { name: /Ada Lovelace/ }))
    await waitFor(() => expect((screen.getByLabelText(/Plan/) as HTMLSelectElement).value).toBe(pro.id))
    fireEvent.change(screen.getByLabelText('Start date'), { target: { value: '2026-04-01' } })
    fireEvent.click(screen.getByRole('button', { name: 'Subscribe' }))
    await waitFor(() => expect(router.state.location.pathname).toBe(`/subscriptions/${created.id}`))
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      customerId: ada.id,
      planId: pro.id,
      startDate: '2026-04-01',
    })
  })

  it('says when there are none', async () => {
    stubApi(() => ({ body: { data: [], nextCursor: null } }))
    renderWithApp(<SubscriptionsPage />, { path: '/subscriptions' })
    expect(await screen.findByText('No subscriptions yet')).toBeTruthy()
  })
})
