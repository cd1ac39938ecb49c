import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { problem, renderWithApp, stubApi } from '../../../test/api'
import { BulkActionBar } from './BulkActionBar'
import { BulkActionProgress } from './BulkActionProgress'

afterEach(() => vi.unstubAllGlobals())

const preview = {
  matched: 5,
  recipients: 3,
  noEmail: 1,
  unsubscribed: 1,
  sample: {
    customerId: '0190a000-0000-7000-8000-00000000000a',
    to: 'ada@example.com',
    subject: 'News for Ada Lovelace',
    html: '<p>Hello Ada Lovelace</p>',
    text: 'Hello Ada Lovelace',
  },
}

function renderBar(onStarted = vi.fn()) {
  renderWithApp(
    <BulkActionBar
      selectedIds={[]}
      all
      matching={5}
      filters={{ segmentId: 'vip' }}
      pageCount={2}
      onSelectAll={() => {}}
      onClear={() => {}}
      onStarted={onStarted}
    />,
  )
  return onStarted
}

function openDialog() {
  fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'sendMessage' } })
  fireEvent.click(screen.getByRole('button', { name: 'Apply' }))
  return screen.getByRole('dialog', { name: 'Send a message' })
}

describe('SendMessageDialog', () => {
  it('writes a message to a segment: who gets it, who is skipped, the first copy, then sends', async () => {
    const requests = stubApi((req) => {
      if (req.url.pathname.endsWith('/customers/bulk/message-preview')) return { body: preview }
      if (req.url.pathname.endsWith('/customers/bulk'))
        return { status: 202, body: { id: 'bulk-7', status: 'queued' } }
      return undefined
    })
    const onStarted = renderBar()
    const dialog = openDialog()
    const send = () => within(dialog).getByRole('button', { name: /^Send/ })
    expect(send()).toHaveProperty('disabled', true)
    expect(within(dialog).getByTestId('message-reach').textContent).toContain('Write a subject')

    fireEvent.change(within(dialog).getByLabelText(/Subject/), {
      target: { value: 'News for {{customer.name}}' },
    })
    fireEvent.change(within(dialog).getByLabelText(/Message/), {
      target: { value: 'Hello {{customer.name}}' },
    })
    await waitFor(() =>
      expect(within(dialog).getByTestId('message-reach').textContent).toBe(
        '3 of 5 customers will get it; skipped: 1 without an email, 1 unsubscribed.',
      ),
    )
    expect(within(dialog).getByTestId('message-preview-subject').textContent).toBe('News for Ada Lovelace')
    expect(within(dialog).getByTitle('Message preview').getAttribute('srcdoc')).toContain('Hello Ada')
    const previewed = requests.find((r) => r.url.pathname.endsWith('/message-preview'))
    expect(previewed?.body).toEqual({
      selection: { segmentId: 'vip' },
      params: { subject: 'News for {{customer.name}}', text: 'Hello {{customer.name}}' },
    })

    await waitFor(() => expect(send().textContent).toBe('Send to 3 customers'))
    fireEvent.click(send())
    await waitFor(() => expect(onStarted).toHaveBeenCalledWith('bulk-7'))
    expect(
      requests.find((r) => r.method === 'POST' && r.url.pathname.endsWith('/customers/bulk'))?.body,
    ).toEqual({
      action: 'sendMessage',
      selection: { segmentId: 'vip' },
      params: { subject: 'News for {{customer.name}}', text: 'Hello {{customer.name}}' },
    })
  })

  it('shows the API’s refusal of a variable next to the field, and sends nothing', async () => {
    const requests = stubApi((req) =>
      req.url.pathname.endsWith('/message-preview')
        ? problem(400, 'validation_failed', 'The request is not valid', {
            errors: [
              {
                path: 'params.subject',
                message: '{{invoice.number}} is not a variable; use {{customer.name}}',
              },
            ],
          })
        : undefined,
    )
    renderBar()
    const dialog = openDialog()
    fireEvent.change(within(dialog).getByLabelText(/Subject/), {
      target: { value: 'Your {{invoice.number}}' },
    })
    fireEvent.change(within(dialog).getByLabelText(/Message/), { target: { value: 'Hi' } })
    await waitFor(() =>
      expect(dialog.querySelector('#field-params-subject-error')?.textContent).toContain(
        '{{invoice.number}} is not a variable',
      ),
    )
    expect(within(dialog).getByRole('button', { name: /^Send/ })).toHaveProperty('disabled', true)
    expect(requests.filter((r) => r.url.pathname.endsWith('/customers/bulk'))).toHaveLength(0)
  })

  it('the progress says how many got it and how many were skipped', async () => {
    stubApi(() => ({
      body: {
        id: 'bulk-7',
        action: 'sendMessage',
        status: 'completed',
        matched: 5,
        total: 5,
        processed: 5,
        changed: 3,
        skipped: 2,
        downloadUrl: null,
      },
    }))
    renderWithApp(<BulkActionProgress id="bulk-7" onDismiss={() => {}} />)
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain(
        'done: queued for 3 of 5 customers; 2 skipped (no email address or unsubscribed).',
      ),
    )
  })
})
