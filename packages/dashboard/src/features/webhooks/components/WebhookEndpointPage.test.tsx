import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildMe, renderWithApp, stubApi } from '../../../test/api'
import { WebhookEndpointPage } from './WebhookEndpointPage'
import { buildAttempt, buildDelivery, buildEndpoint } from './webhook-fixtures'

afterEach(() => vi.unstubAllGlobals())

const endpoint = buildEndpoint({ url: 'https://shop.example.com/hooks', events: ['invoice.paid'] })
const base = `/api/v1/webhook-endpoints/${endpoint.id}`

describe('WebhookEndpointPage', () => {
  it('shows the delivery log; a row expands to every attempt; replay adds an attempt', async () => {
    const failed = buildDelivery({
      endpointId: endpoint.id,
      eventType: 'invoice.paid',
      status: 'failed',
      attempts: 2,
      lastStatusCode: 500,
      lastError: 'HTTP 500',
    })
    const attempts = [
      buildAttempt({
        attempt: 1,
        statusCode: null,
        latencyMs: 15000,
        responseExcerpt: null,
        error: 'Timed out after 15 s',
      }),
      buildAttempt({ attempt: 2, statusCode: 500, latencyMs: 87, responseExcerpt: 'receiver says no' }),
    ]
    let replayed = false
    const requests = stubApi((req) => {
      const p = req.url.pathname
      if (p === base) return { body: endpoint }
      if (p === `${base}/deliveries`)
        return {
          body: {
            data: [
              replayed
                ? { ...failed, status: 'succeeded', attempts: 3, lastStatusCode: 200, lastError: null }
                : failed,
            ],
            nextCursor: null,
          },
        }
      if (p === `${base}/deliveries/${failed.id}`)
        return { body: { ...failed, payload: {}, attemptLog: attempts } }
      if (p === `${base}/deliveries/${failed.id}/replay` && req.method === 'POST') {
        replayed = true
        attempts.push(
          buildAttempt({
            attempt: 3,
            trigger: 'replay',
            statusCode: 200,
            latencyMs: 31,
            responseExcerpt: 'thanks',
          }),
        )
        return { body: { ...failed, status: 'succeeded', attempts: 3, payload: {}, attemptLog: attempts } }
      }
      return undefined
    })
    renderWithApp(<WebhookEndpointPage id={endpoint.id} />, { path: `/settings/webhooks/${endpoint.id}` })
    const table = await screen.findByRole('table', { name: 'Deliveries' })
    const row = within(table).getByText('invoice.paid').closest('tr') as HTMLElement
    expect(within(row).getByText('Failed')).toBeTruthy()
    expect(within(row).getByText('2')).toBeTruthy()
    expect(within(row).getByText('HTTP 500')).toBeTruthy()

    // Enter on the focused row expands it.
    row.focus()
    fireEvent.keyDown(row, { key: 'Enter' })
    const log = await screen.findByRole('table', { name: 'Attempts' })
    expect(within(log).getByText('Timed out after 15 s')).toBeTruthy()
    expect(within(log).getByText('15000 ms')).toBeTruthy()
    expect(within(log).getByText('500')).toBeTruthy()
    expect(within(log).getByText('87 ms')).toBeTruthy()
    expect(within(log).getByText('receiver says no')).toBeTruthy()

    fireEvent.click(within(row).getByRole('button', { name: 'Replay' }))
    await waitFor(() =>
      expect(requests.some((r) => r.method === 'POST' && r.url.pathname.endsWith('/replay'))).toBe(true),
    )
    const after = await screen.findByRole('table', { name: 'Attempts' })
    expect(await within(after).findByText('thanks')).toBeTruthy()
    expect(within(after).getByText('31 ms')).toBeTruthy()
    expect(await within(table).findByText('Delivered')).toBeTruthy()
  })

  it('sends a test event and shows the status code and latency; rotating shows the new secret once', async () => {
    stubApi((req) => {
      const p = req.url.pathname
      if (p === base) return { body: endpoint }
      if (p === `${base}/deliveries`) return { body: { data: [], nextCursor: null } }
      if (p === `${base}/test`)
        return {
          body: {
            ...buildDelivery({ endpointId: endpoint.id, eventType: 'webhook.test' }),
            payload: {},
            attemptLog: [
              buildAttempt({ trigger: 'test', statusCode: 204, latencyMs: 123, responseExcerpt: null }),
            ],
          },
        }
      if (p === `${base}/rotate-secret`)
        return {
          body: {
            ...endpoint,
            previousSecretExpiresAt: new Date(Date.now() + 86_400_000).toISOString(),
            secret: 'whsec_bmV3LXNlY3JldC1vbmNlLW9ubHktcGxlYXNl',
          },
        }
      return undefined
    })
    renderWithApp(<WebhookEndpointPage id={endpoint.id} />, { path: `/settings/webhooks/${endpoint.id}` })
    expect(await screen.findByText('No deliveries yet')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Send test event' }))
    expect(await screen.findByText('The test event was delivered')).toBeTruthy()
    expect(screen.getByText(/Status 204 in 123 ms/)).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: 'Rotate secret' }))
    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).getByText(/For 24 hours every delivery is signed with both/)).toBeTruthy()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Rotate secret' }))
    expect((await screen.findByTestId('webhook-secret')).textContent).toBe(
      'whsec_bmV3LXNlY3JldC1vbmNlLW9ubHktcGxlYXNl',
    )
    expect(screen.getByText(/The previous secret keeps signing deliveries too until/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'I have stored it' }))
    expect(screen.queryByText(/whsec_/)).toBeNull()
  })

  it('disables, and deletes after confirming', async () => {
    let current = endpoint
    const requests = stubApi((req) => {
      const p = req.url.pathname
      if (p === base && req.method === 'PATCH') {
        current = { ...current, enabled: false, disabledReason: 'Disabled by you' }
        return { body: current }
      }
      if (p === base && req.method === 'DELETE') return { status: 204 }
      if (p === base) return { body: current }
      if (p === `${base}/deliveries`)
        return { body: { data: [buildDelivery({ endpointId: endpoint.id })], nextCursor: null } }
      if (p === '/api/v1/webhook-endpoints') return { body: { data: [] } }
      return undefined
    })
    const { router } = renderWithApp(<WebhookEndpointPage id={endpoint.id} />, {
      path: `/settings/webhooks/${endpoint.id}`,
    })
    fireEvent.click(await screen.findByRole('button', { name: 'Disable' }))
    expect(await screen.findByText('Disabled by you')).toBeTruthy()
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ enabled: false })
    expect(screen.getByRole('button', { name: 'Enable' })).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: 'Delete' }))
    const dialog = await screen.findByRole('dialog')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete endpoint' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/settings/webhooks'))
    expect(requests.some((r) => r.method === 'DELETE')).toBe(true)
  })

  it('a viewer sees the log without actions', async () => {
    stubApi((req) => {
      const p = req.url.pathname
      if (p === base) return { body: endpoint }
      if (p === `${base}/deliveries`)
        return { body: { data: [buildDelivery({ endpointId: endpoint.id })], nextCursor: null } }
      return undefined
    })
    renderWithApp(<WebhookEndpointPage id={endpoint.id} />, {
      path: `/settings/webhooks/${endpoint.id}`,
      me: buildMe('viewer'),
    })
    expect(await screen.findByRole('table', { name: 'Deliveries' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Replay' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Send test event' })).toBeNull()
  })
})
