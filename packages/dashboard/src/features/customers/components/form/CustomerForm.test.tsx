import { fireEvent, render, screen } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { describe, expect, it, vi } from 'vitest'
import { ApiProblem } from '../../../../api/problem'
import { buildCustomer } from '../../../../test/factories'
import { CustomerForm, type CustomerFormProps } from './CustomerForm'

function renderForm(props: Partial<CustomerFormProps> = {}) {
  const onSubmit = vi.fn()
  const utils = render(
    <MemoryRouter>
      <CustomerForm onSubmit={onSubmit} onCancel={() => {}} pending={false} error={null} {...props} />
    </MemoryRouter>,
  )
  return { onSubmit, ...utils }
}

const validation = new ApiProblem(400, {
  title: 'Your request is not valid',
  detail: 'The request body has 2 problems',
  code: 'validation_failed',
  status: 400,
  errors: [
    { path: 'billingAddress.country', message: 'must be an ISO 3166-1 alpha-2 country code such as PT' },
    { path: 'email', message: 'must be a valid email address' },
    { path: 'tags.1', message: 'must be at most 50 characters' },
  ],
})

describe('CustomerForm', () => {
  it('shows each API error next to its field and moves focus to the first one', () => {
    renderForm({ error: validation })
    const email = screen.getByRole('textbox', { name: 'Email' })
    expect(email.getAttribute('aria-invalid')).toBe('true')
    const describedBy = email.getAttribute('aria-describedby') ?? ''
    expect(document.getElementById(describedBy.split(' ')[0] ?? '')?.textContent).toBe(
      'must be a valid email address',
    )
    expect(document.activeElement).toBe(email)

    const country = document.getElementById('field-billingAddress-country')
    expect(country?.getAttribute('aria-invalid')).toBe('true')
    expect(document.getElementById('field-billingAddress-country-error')?.textContent).toContain('ISO 3166-1')
    expect(document.getElementById('field-tags-error')?.textContent).toBe(
      'Item 2: must be at most 50 characters',
    )
    expect(screen.getByRole('alert').textContent).toContain('The request body has 2 problems')
  })

  it('names the existing customer of a duplicate email, with a link to it', () => {
    const conflict = new ApiProblem(409, {
      code: 'conflict',
      status: 409,
      title: 'Conflict',
      detail: 'This email already belongs to Ada Lovelace (customer 0190)',
      field: 'email',
      existingCustomerId: '0190a000-0000-7000-8000-00000000abcd',
      existingCustomerName: 'Ada Lovelace',
      errors: [{ path: 'email', message: 'already belongs to Ada Lovelace' }],
    })
    renderForm({ error: conflict })
    const link = screen.getByRole('link', { name: /Ada Lovelace/ })
    expect(link.getAttribute('href')).toBe('/customers/0190a000-0000-7000-8000-00000000abcd')
    expect(document.getElementById('field-email-error')?.textContent).toBe('already belongs to Ada Lovelace')
  })

  it('sends only the changed fields of an edit', () => {
    const customer = buildCustomer({ name: 'Ada', company: 'Old Co', tags: ['math'] })
    const { onSubmit } = renderForm({ customer })
    fireEvent.change(screen.getByRole('textbox', { name: 'Company' }), {
      target: { value: 'Analytical Engines' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }))
    expect(onSubmit).toHaveBeenCalledWith({ mode: 'update', input: { company: 'Analytical Engines' } })
  })

  it('stops a custom payment term that is not a number before sending it', () => {
    const { onSubmit } = renderForm()
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Ada' } })
    fireEvent.change(screen.getByRole('combobox', { name: 'Payment terms' }), { target: { value: 'custom' } })
    fireEvent.change(screen.getByPlaceholderText('45'), { target: { value: 'soon' } })
    fireEvent.click(screen.getByRole('button', { name: 'Create customer' }))
    expect(onSubmit).not.toHaveBeenCalled()
    expect(document.getElementById('field-paymentTermsDays-error')?.textContent).toBe(
      'must be a whole number of days',
    )
  })

  it('orders preferred coins: the first added is the default, and can be moved down', () => {
    const { onSubmit } = renderForm()
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Ada' } })
    const coin = screen.getByRole('combobox', { name: 'Coin to add' })
    fireEvent.change(coin, { target: { value: 'USDT/tron' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add coin' }))
    fireEvent.change(coin, { target: { value: 'BTC/bitcoin' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add coin' }))
    fireEvent.click(screen.getByRole('button', { name: 'Move USDT on Tron down' }))
    fireEvent.click(screen.getByRole('button', { name: 'Create customer' }))
    expect(onSubmit.mock.calls[0]?.[0].input.preferredCoins).toEqual([
      { asset: 'BTC', network: 'bitcoin' },
      { asset: 'USDT', network: 'tron' },
    ])
  })
})
