import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildMe, problem, renderWithApp, stubApi } from '../../../test/api'
import { EVENT_TYPES } from '../api'
import { WebhooksPage } from './WebhooksPage'
import { buildEndpoint } from './webhook-fixtures'

afterEach(() => vi.unstubAllGlobals())

describe('WebhooksPage', () => {
  it('lists endpoints with their events, disabled reason and failing since', async () => {
    const ok = buildEndpoint({ url: 'https://a.example.com/hook', events: ['*'] })
    const gone = buildEndpoint({
      url: 'https://b.example.com/hook',
      events: ['invoice.paid', 'payment.confirmed'],
      enabled: false,
      disabledReason: 'The endpoint answered 410 Gone',
    })
    const failing = buildEndpoint({
      url: 'https://c.example.com/hook',
      failingSince: new Date(Date.now() - 3 * 3600_000).toISOString(),
    })
    stubApi((req) =>
      req.url.pathname === '/api/v1/webhook-endpoints' ? { body: { data: [ok, gone, failing] } } : undefined,
    )
    renderWithApp(<WebhooksPage />, { path: '/settings/webhooks' })
    const table = await screen.findByRole('table', { name: 'Webhook endpoints' })
    const row = (url: string) => within(table).getByText(url).closest('tr') as HTMLElement
    expect(within(row(ok.url)).getByText('All events')).toBeTruthy()
    expect(within(row(ok.url)).getByText('Enabled')).toBeTruthy()
    expect(within(row(gone.url)).getByText('invoice.paid')).toBeTruthy()
    expect(within(row(gone.url)).getByText('Disabled')).toBeTruthy()
    expect(within(row(gone.url)).getByText('The endpoint answered 410 Gone')).toBeTruthy()
    expect(within(row(failing.url)).getByText('Failing')).toBeTruthy()
    expect(within(row(failing.url)).getByText(/since/).textContent).toMatch(/3 hours ago/)
  })

  it('says when there are none; a viewer gets no form', async () => {
    stubApi(() => ({ body: { data: [] } }))
    renderWithApp(<WebhooksPage />, { path: '/settings/webhooks', me: buildMe('viewer') })
    expect(await screen.findByText('No webhook endpoints')).toBeTruthy()
    expect(screen.queryByRole('form', { name: 'Add a webhook endpoint' })).toBeNull()
  })

  it('creates an endpoint with picked events and shows its secret once', async () => {
    const endpoints = [] as ReturnType<typeof buildEndpoint>[]
    const requests = stubApi((req) => {
      if (req.url.pathname !== '/api/v1/webhook-endpoints') return undefined
      if (req.method === 'GET') return { body: { data: endpoints } }
      const body = req.body as { url: string; events: string[] }
      const created = buildEndpoint({ url: body.url, events: body.events })
      endpoints.push(created)
      return { status: 201, body: { ...created, secret: 'whsec_c2VjcmV0LXNob3duLW9uY2Utb25seQ==' } }
    })
    renderWithApp(<WebhooksPage />, { path: '/settings/webhooks' })
    expect(await screen.findByText('No webhook endpoints')).toBeTruthy()
    const form = screen.getByRole('form', { name: 'Add a webhook endpoint' })
    fireEvent.change(within(form).getByLabelText(/Endpoint URL/), {
      target: { value: 'https://shop.example.com/hooks' },
    })
    // Every API event type is offered once "All events" is unticked.
    fireEvent.click(within(form).getByLabelText(/All events/))
    for (const type of EVENT_TYPES) expect(within(form).getByLabelText(type)).toBeTruthy()
    expect((within(form).getByRole('button', { name: 'Add endpoint' }) as HTMLButtonElement).disabled).toBe(
      true,
    )
    fireEvent.click(within(form).getByLabelText('invoice.paid'))
    fireEvent.click(within(form).getByLabelText('payment.confirmed'))
    fireEvent.click(within(form).getByRole('button', { name: 'Add endpoint' }))

    expect(await screen.findByTestId('webhook-secret')).toHaveProperty(
      'textContent',
      'whsec_c2VjcmV0LXNob3duLW9uY2Utb25seQ==',
    )
    expect(screen.getByText(/you won’t see it again/)).toBeTruthy()
    expect(screen.getByRole('button', { name: /Copy secret/ })).toBeTruthy()
    const post = requests.find((r) => r.method === 'POST')
    expect(post?.body).toEqual({
      url: 'https://shop.example.com/hooks',
      events: ['invoice.paid', 'payment.confirmed'],
      description: null,
    })
    const table = await screen.findByRole('table', { name: 'Webhook endpoints' })
    expect(within(table).getByText('https://shop.example.com/hooks')).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: 'I have stored it' }))
    expect(screen.queryByText(/whsec_/)).toBeNull()
  })

  it('shows a refused URL next to the field and a bad event list under the picker', async () => {
    let answer = problem(422, 'unprocessable', 'The URL resolves to a private address (10.0.0.5)', {
      reason: 'private_address',
    })
    stubApi((req) => (req.method === 'POST' ? answer : { body: { data: [] } }))
    renderWithApp(<WebhooksPage />, { path: '/settings/webhooks' })
    const form = await screen.findByRole('form', { name: 'Add a webhook endpoint' })
    fireEvent.change(within(form).getByLabelText(/Endpoint URL/), { target: { value: 'http://10.0.0.5/' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Add endpoint' }))
    const url = within(form).getByLabelText(/Endpoint URL/)
    await waitFor(() => expect(url.getAttribute('aria-invalid')).toBe('true'))
    expect(within(form).getByText('The URL resolves to a private address (10.0.0.5)')).toBeTruthy()

    answer = problem(422, 'validation_failed', 'The request is invalid', {
      errors: [{ path: 'events.0', message: 'Invalid option' }],
    })
    fireEvent.click(within(form).getByRole('button', { name: 'Add endpoint' }))
    expect(await within(form).findByText('Item 1: Invalid option')).toBeTruthy()
  })
})
