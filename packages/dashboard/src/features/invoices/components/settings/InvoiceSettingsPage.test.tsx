import { fireEvent, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildMe, problem, renderWithApp, stubApi } from '../../../../test/api'
import type { InvoiceSettings } from '../../api'
import { InvoiceSettingsPage } from './InvoiceSettingsPage'

afterEach(() => vi.unstubAllGlobals())

const settings: InvoiceSettings = {
  numberPrefix: 'INV-',
  nextNumber: 42,
  underpaymentTolerancePercent: '0',
  applyStablePayments: true,
}

describe('InvoiceSettingsPage', () => {
  it('shows the next number as the prefix is typed and saves prefix, tolerance and the stable-payments switch', async () => {
    let release: () => void = () => {}
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    const requests = stubApi((req) => {
      if (req.url.pathname !== '/api/v1/invoice-settings') return undefined
      if (req.method === 'GET') return { body: settings }
      return { body: { ...settings, ...(req.body as object) } }
    })
    renderWithApp(<InvoiceSettingsPage />, { path: '/settings/invoices' })
    expect((await screen.findByTestId('next-number')).textContent).toBe('INV-000042')
    const toggle = screen.getByLabelText(
      'Payments to a customer’s own address pay their oldest open invoice',
    ) as HTMLInputElement
    expect(toggle.checked).toBe(true)

    fireEvent.change(screen.getByLabelText('Number prefix'), { target: { value: 'ACME-' } })
    expect(screen.getByTestId('next-number').textContent).toBe('ACME-000042')
    fireEvent.change(screen.getByLabelText('Underpayment tolerance (%)'), { target: { value: '0.5' } })
    fireEvent.click(toggle)
    // Hold the answer to see the saving state.
    const fetchStub = globalThis.fetch as unknown as ReturnType<typeof vi.fn>
    const answer = fetchStub.getMockImplementation() as
      | ((...args: unknown[]) => Promise<Response>)
      | undefined
    fetchStub.mockImplementationOnce(async (...args: unknown[]) => {
      await held
      return answer?.(...args)
    })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    const saving = await screen.findByRole('button', { name: 'Saving…' })
    expect((saving as HTMLButtonElement).disabled).toBe(true)
    release()
    expect(await screen.findByText('Saved.')).toBeTruthy()
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({
      numberPrefix: 'ACME-',
      underpaymentTolerancePercent: '0.5',
      applyStablePayments: false,
    })
    expect(
      (
        screen.getByLabelText(
          'Payments to a customer’s own address pay their oldest open invoice',
        ) as HTMLInputElement
      ).checked,
    ).toBe(false)
  })

  it('shows the API’s field errors under their fields', async () => {
    stubApi((req) => {
      if (req.url.pathname !== '/api/v1/invoice-settings') return undefined
      if (req.method === 'GET') return { body: settings }
      return problem(400, 'validation_failed', 'The request body has 2 invalid field(s)', {
        errors: [
          { path: 'numberPrefix', message: 'may hold letters, digits and - _ / . #' },
          { path: 'underpaymentTolerancePercent', message: 'must be at most 100' },
        ],
      })
    })
    renderWithApp(<InvoiceSettingsPage />, { path: '/settings/invoices' })
    fireEvent.change(await screen.findByLabelText('Number prefix'), { target: { value: 'A B' } })
    fireEvent.change(screen.getByLabelText('Underpayment tolerance (%)'), { target: { value: '150' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    const prefixError = await screen.findByText('may hold letters, digits and - _ / . #')
    expect(prefixError.closest('ul')?.id).toBe('field-numberPrefix-error')
    expect(screen.getByText('must be at most 100').closest('ul')?.id).toBe(
      'field-underpaymentTolerancePercent-error',
    )
    expect(screen.getByLabelText('Number prefix').getAttribute('aria-invalid')).toBe('true')
    expect(screen.queryByText('Saved.')).toBeNull()
  })

  it('is read-only for viewers', async () => {
    stubApi((req) => (req.url.pathname === '/api/v1/invoice-settings' ? { body: settings } : undefined))
    renderWithApp(<InvoiceSettingsPage />, { path: '/settings/invoices', me: buildMe('viewer') })
    expect(await screen.findByTestId('next-number')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull()
    expect((screen.getByLabelText('Number prefix') as HTMLInputElement).disabled).toBe(true)
    expect((screen.getByLabelText('Underpayment tolerance (%)') as HTMLInputElement).disabled).toBe(true)
  })
})
