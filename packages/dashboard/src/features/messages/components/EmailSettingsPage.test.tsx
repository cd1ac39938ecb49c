import { fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { problem, renderWithApp, stubApi } from '../../../test/api'
import { EmailSettingsPage } from './EmailSettingsPage'
import { buildTemplate } from './message-fixtures'

afterEach(() => vi.unstubAllGlobals())

describe('EmailSettingsPage', () => {
  it('shows the SMTP status, saves the sender, previews edits live and shows a refused variable', async () => {
    const requests = stubApi((req) => {
      const p = req.url.pathname
      if (p === '/api/v1/email-settings' && req.method === 'GET')
        return {
          body: {
            smtp: { configured: false, from: 'no-reply@coinbook.local' },
            senderName: null,
            replyTo: null,
            welcomeEnabled: false,
          },
        }
      if (p === '/api/v1/email-settings' && req.method === 'PATCH')
        return {
          body: { smtp: { configured: false, from: 'no-reply@coinbook.local' }, ...(req.body as object) },
        }
      if (p === '/api/v1/email-templates') return { body: { data: [buildTemplate()] } }
      if (p === '/api/v1/email-templates/invoice/preview') {
        const body = req.body as { subject: string }
        return body.subject.includes('{{nope}}')
          ? problem(422, 'unprocessable', 'Unknown variable {{nope}} in the invoice template')
          : {
              body: {
                subject: body.subject.replace('{{merchant.name}}', 'Acme'),
                html: '<p>hi</p>',
                text: 'hi',
              },
            }
      }
      if (p === '/api/v1/email-templates/invoice' && req.method === 'PUT')
        return problem(422, 'unprocessable', 'Unknown variable {{nope}} in the invoice template')
      return undefined
    })
    renderWithApp(<EmailSettingsPage />, { path: '/settings/email' })
    expect(await screen.findByText('Not configured')).toBeTruthy()

    fireEvent.change(screen.getByLabelText('Sender name'), { target: { value: 'Acme Billing' } })
    fireEvent.click(screen.getByLabelText('Send a welcome email to new customers'))
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => {
      const patch = requests.find((r) => r.method === 'PATCH')
      expect(patch?.body).toEqual({ senderName: 'Acme Billing', replyTo: null, welcomeEnabled: true })
    })

    expect((await screen.findByTestId('preview-subject')).textContent).toBe(
      'Invoice {{invoice.number}} from Acme',
    )
    fireEvent.change(screen.getByLabelText('Subject'), { target: { value: 'Hello {{nope}}' } })
    expect(await screen.findByText('Cannot preview')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Save template' }))
    expect(await screen.findByText('The template was not saved')).toBeTruthy()
    expect(screen.getAllByText(/Unknown variable \{\{nope\}\}/).length).toBeGreaterThan(0)
  })
})
