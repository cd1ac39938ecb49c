import { fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildMe, problem, renderWithApp, stubApi } from '../../../test/api'
import { buildPlan } from './fixtures'
import { PlansPage } from './PlansPage'

afterEach(() => vi.unstubAllGlobals())

describe('PlansPage', { timeout: 20_000 }, () => {
  it('lists plans with their price and period, and creates one', async () => {
    const plans = [
      buildPlan({ name: 'Pro', amount: '29.00', interval: 'quarter', intervalCount: 2, trialDays: 14 }),
    ]
    const requests = stubApi((req) => {
      if (req.method === 'POST') {
        const created = buildPlan({ name: 'Team', amount: '99.00' })
        plans.unshift(created)
        return { status: 201, body: created }
      }
      return { body: { data: plans, nextCursor: null } }
    })
    renderWithApp(<PlansPage />, { path: '/plans' })
    const table = await screen.findByRole('table', { name: 'Plans' })
    expect(table.textContent).toContain('$29.00')
    expect(table.textContent).toContain('every 2 quarters')
    expect(table.textContent).toContain('14 days')

    fireEvent.click(screen.getByRole('button', { name: /New plan/ }))
    fireEvent.change(await screen.findByLabelText(/Name/), { target: { value: 'Team' } })
    fireEvent.change(screen.getByLabelText(/Price/), { target: { value: '99.00' } })
    fireEvent.change(screen.getByLabelText('Interval'), { target: { value: 'year' } })
    fireEvent.click(screen.getByRole('button', { name: 'Create plan' }))
    expect(await screen.findByText('Plan “Team” created.')).toBeTruthy()
    await waitFor(() => expect(screen.getByRole('table', { name: 'Plans' }).textContent).toContain('Team'))
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      name: 'Team',
      amount: '99.00',
      currency: 'EUR',
      interval: 'year',
      intervalCount: 1,
      trialDays: 0,
    })
  })

  it('shows the API’s refusal next to the field', async () => {
    stubApi((req) =>
      req.method === 'POST'
        ? problem(400, 'validation_failed', 'The request is not valid', {
            errors: [{ path: 'amount', message: 'must be greater than zero' }],
          })
        : { body: { data: [], nextCursor: null } },
    )
    renderWithApp(<PlansPage />, { path: '/plans' })
    expect(await screen.findByText('No plans yet')).toBeTruthy()
    fireEvent.click(screen.getAllByRole('button', { name: /New plan/ })[0] as HTMLElement)
    fireEvent.change(await screen.findByLabelText(/Name/), { target: { value: 'Free' } })
    fireEvent.change(screen.getByLabelText(/Price/), { target: { value: '0' } })
    fireEvent.click(screen.getByRole('button', { name: 'Create plan' }))
    expect(await screen.findByText('must be greater than zero')).toBeTruthy()
    expect(screen.getByLabelText(/Price/).getAttribute('aria-invalid')).toBe('true')
  })

  it('offers a viewer no New plan button', async () => {
    stubApi(() => ({ body: { data: [buildPlan()], nextCursor: null } }))
    renderWithApp(<PlansPage />, { path: '/plans', me: buildMe('viewer') })
    await screen.findByRole('table', { name: 'Plans' })
    expect(screen.queryByRole('button', { name: /New plan/ })).toBeNull()
  })
})
