import { fireEvent, screen, waitFor, within } from '@testing-library/react'
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

  it('archives and unarchives a plan, and filters live, archived and all plans', async () => {
    const pro = buildPlan({ name: 'Pro' })
    const legacy = buildPlan({ name: 'Legacy', archivedAt: '2026-02-01T00:00:00.000Z' })
    const plans = [pro, legacy]
    const requests = stubApi((req) => {
      const p = req.url.pathname
      const hit = plans.find((x) => p.startsWith(`/api/v1/plans/${x.id}/`))
      if (req.method === 'POST' && hit) {
        hit.archivedAt = p.endsWith('/archive') ? '2026-03-04T10:00:00.000Z' : null
        return { body: hit }
      }
      if (p !== '/api/v1/plans') return undefined
      const archived = req.url.searchParams.get('archived')
      const data = plans.filter((x) =>
        archived === 'all' ? true : archived === 'true' ? x.archivedAt : !x.archivedAt,
      )
      return { body: { data, nextCursor: null } }
    })
    renderWithApp(<PlansPage />, { path: '/plans' })
    const rows = async () =>
      (await screen.findByRole('table', { name: 'Plans' })).querySelectorAll('tbody tr').length
    await waitFor(async () => expect(await rows()).toBe(1))
    expect(screen.getByRole('link', { name: 'Subscribe a customer' })).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: 'Archive Pro' }))
    expect(await screen.findByText(/Plan “Pro” archived: it starts no new subscriptions/)).toBeTruthy()
    expect(await screen.findByText('No plans yet')).toBeTruthy()

    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'true' } })
    await waitFor(async () => expect(await rows()).toBe(2))
    const table = screen.getByRole('table', { name: 'Plans' })
    expect(within(table).getAllByText('Archived')).toHaveLength(2)
    // An archived plan cannot take a new subscriber from here.
    expect(screen.queryByRole('link', { name: 'Subscribe a customer' })).toBeNull()

    fireEvent.click(screen.getByRole('button', { name: 'Unarchive Legacy' }))
    expect(await screen.findByText('Plan “Legacy” is live again.')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'all' } })
    await waitFor(async () => expect(await rows()).toBe(2))
    expect(within(screen.getByRole('table', { name: 'Plans' })).getAllByText('Archived')).toHaveLength(1)

    const posts = requests.filter((r) => r.method === 'POST').map((r) => r.url.pathname)
    expect(posts).toEqual([`/api/v1/plans/${pro.id}/archive`, `/api/v1/plans/${legacy.id}/unarchive`])
    expect(requests.some((r) => r.url.searchParams.get('archived') === 'true')).toBe(true)
  })

  it('shows why a plan was not changed', async () => {
    const pro = buildPlan({ name: 'Pro' })
    stubApi((req) =>
      req.method === 'POST'
        ? problem(404, 'not_found', `Plan ${pro.id} was not found`)
        : { body: { data: [pro], nextCursor: null } },
    )
    renderWithApp(<PlansPage />, { path: '/plans' })
    fireEvent.click(await screen.findByRole('button', { name: 'Archive Pro' }))
    expect(await screen.findByText('The plan was not changed')).toBeTruthy()
  })

  it('offers a viewer no New plan button', async () => {
    stubApi(() => ({ body: { data: [buildPlan()], nextCursor: null } }))
    renderWithApp(<PlansPage />, { path: '/plans', me: buildMe('viewer') })
    await screen.findByRole('table', { name: 'Plans' })
    expect(screen.queryByRole('button', { name: /New plan/ })).toBeNull()
    expect(screen.queryByRole('button', { name: /^Archive/ })).toBeNull()
  })
})
