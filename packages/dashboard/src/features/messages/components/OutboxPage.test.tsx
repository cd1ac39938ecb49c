import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildMe, renderWithApp, stubApi } from '../../../test/api'
import { buildMessage } from './message-fixtures'
import { OutboxPage } from './OutboxPage'

afterEach(() => vi.unstubAllGlobals())

const settings = (configured: boolean) => ({
  body: {
    smtp: { configured, from: 'no-reply@coinbook.local' },
    senderName: null,
    replyTo: null,
    welcomeEnabled: false,
  },
})

describe('OutboxPage', () => {
  it('shows why mail is not sent, filters by kind and status, and resends a failed message', async () => {
    const waiting = buildMessage({
      subject: 'Waiting mail',
      status: 'queued',
      notSentReason: 'not sent: no SMTP configured',
      sentAt: null,
    })
    const failed = buildMessage({
      subject: 'Bounced mail',
      status: 'failed',
      attempts: 6,
      lastError: '550 No such user',
    })
    const requests = stubApi((req) => {
      if (req.url.pathname === '/api/v1/email-settings') return settings(false)
      if (req.url.pathname === '/api/v1/messages')
        return { body: { data: [waiting, failed], nextCursor: null } }
      if (req.url.pathname === `/api/v1/messages/${failed.id}/resend` && req.method === 'POST')
        return {
          status: 201,
          body: { ...failed, id: 'new', status: 'queued', html: '', text: '', headers: {} },
        }
      return undefined
    })
    renderWithApp(<OutboxPage />, { path: '/outbox' })
    expect(await screen.findByText('Email is not being sent')).toBeTruthy()
    const table = await screen.findByRole('table', { name: 'Messages' })
    const waitingRow = within(table).getByText('Waiting mail').closest('tr') as HTMLElement
    expect(within(waitingRow).getByText('Not sent')).toBeTruthy()
    expect(within(waitingRow).getByText('not sent: no SMTP configured')).toBeTruthy()
    // A queued message has nothing to resend yet.
    expect(within(waitingRow).queryByRole('button', { name: 'Resend' })).toBeNull()
    const failedRow = within(table).getByText('Bounced mail').closest('tr') as HTMLElement
    expect(within(failedRow).getByText('550 No such user')).toBeTruthy()
    fireEvent.click(within(failedRow).getByRole('button', { name: 'Resend' }))
    await waitFor(() =>
      expect(
        requests.some((r) => r.method === 'POST' && r.url.pathname.endsWith(`${failed.id}/resend`)),
      ).toBe(true),
    )

    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'receipt' } })
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'failed' } })
    await waitFor(() => {
      const last = requests.filter((r) => r.url.pathname === '/api/v1/messages').at(-1)?.url.searchParams
      expect(last?.get('kind')).toBe('receipt')
      expect(last?.get('status')).toBe('failed')
    })
  })

  it('says when nothing was sent yet, and when the log cannot be loaded', async () => {
    stubApi((req) => {
      if (req.url.pathname === '/api/v1/email-settings') return settings(true)
      return { body: { data: [], nextCursor: null } }
    })
    renderWithApp(<OutboxPage />, { path: '/outbox' })
    expect(await screen.findByText('No messages yet')).toBeTruthy()
    expect(screen.queryByText('Email is not being sent')).toBeNull()
  })

  it('shows an error with a retry when the log fails; a viewer gets no Resend', async () => {
    let fail = true
    stubApi((req) => {
      if (req.url.pathname === '/api/v1/email-settings') return settings(true)
      if (fail) return { status: 500, body: { code: 'internal', detail: 'boom' } }
      return { body: { data: [buildMessage({ subject: 'Old news', status: 'sent' })], nextCursor: null } }
    })
    renderWithApp(<OutboxPage />, { path: '/outbox', me: buildMe('viewer') })
    expect(await screen.findByText('The messages could not be loaded')).toBeTruthy()
    fail = false
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText('Old news')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Resend' })).toBeNull()
  })
})
