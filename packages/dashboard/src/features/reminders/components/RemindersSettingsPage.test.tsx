import { fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildMe, problem, renderWithApp, stubApi } from '../../../test/api'
import type { ReminderPolicy } from '../api'
import { CustomerRemindersSection } from './CustomerRemindersSection'
import { RemindersSettingsPage } from './RemindersSettingsPage'

afterEach(() => vi.unstubAllGlobals())

const defaults: ReminderPolicy = {
  isDefault: true,
  timezone: null,
  renewalNoticeDays: 3,
  steps: [
    { key: 'before_due', offsetDays: -3, relativeTo: 'due', kind: 'reminder_before_due', enabled: true },
    { key: 'due', offsetDays: 0, relativeTo: 'due', kind: 'reminder_due', enabled: true },
    { key: 'final', offsetDays: 14, relativeTo: 'due', kind: 'reminder_final', enabled: true },
  ],
}

describe('RemindersSettingsPage', () => {
  it('shows the schedule, edits offsets, kinds and toggles, removes and adds steps, and saves with the zone', async () => {
    const requests = stubApi((req) => {
      if (req.url.pathname !== '/api/v1/reminder-policy') return undefined
      if (req.method === 'GET') return { body: defaults }
      return { body: { ...defaults, ...(req.body as object), isDefault: false } }
    })
    renderWithApp(<RemindersSettingsPage />, { path: '/settings/reminders' })
    expect(await screen.findByText('3 days before the due date')).toBeTruthy()
    expect(screen.getByText('On the due date')).toBeTruthy()

    fireEvent.change(screen.getByLabelText('Step 3 days'), { target: { value: '10' } })
    expect(screen.getByText('10 days after the due date')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('Step 2 email'), { target: { value: 'reminder_overdue_1' } })
    fireEvent.click(screen.getByLabelText('Step 1 enabled'))
    fireEvent.click(screen.getByRole('button', { name: 'Add step' }))
    fireEvent.click(screen.getByRole('button', { name: 'Remove step 2' }))
    fireEvent.change(screen.getByLabelText('Your time zone'), { target: { value: 'Europe/Lisbon' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save schedule' }))

    await waitFor(() => {
      const put = requests.find((r) => r.method === 'PUT')
      expect(put?.body).toEqual({
        steps: [
          {
            key: 'before_due',
            offsetDays: -3,
            relativeTo: 'due',
            kind: 'reminder_before_due',
            enabled: false,
          },
          { key: 'final', offsetDays: 10, relativeTo: 'due', kind: 'reminder_final', enabled: true },
          { key: 'due+17', offsetDays: 17, relativeTo: 'due', kind: 'reminder_overdue_2', enabled: true },
        ],
        timezone: 'Europe/Lisbon',
        renewalNoticeDays: 3,
      })
    })
    expect(await screen.findByText('Saved.')).toBeTruthy()
  })

  it('shows the API’s error beside the step it names', async () => {
    stubApi((req) => {
      if (req.url.pathname !== '/api/v1/reminder-policy') return undefined
      if (req.method === 'GET') return { body: defaults }
      return problem(400, 'validation_failed', 'The request body has 1 invalid field(s)', {
        errors: [{ path: 'steps.1.offsetDays', message: 'must be at most 365' }],
      })
    })
    renderWithApp(<RemindersSettingsPage />, { path: '/settings/reminders' })
    fireEvent.change(await screen.findByLabelText('Step 2 days'), { target: { value: '999' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save schedule' }))
    expect(await screen.findByText('must be at most 365')).toBeTruthy()
    expect(screen.getByText('The schedule was not saved')).toBeTruthy()
  })

  it('is read-only for viewers', async () => {
    stubApi((req) => (req.url.pathname === '/api/v1/reminder-policy' ? { body: defaults } : undefined))
    renderWithApp(<RemindersSettingsPage />, { path: '/settings/reminders', me: buildMe('viewer') })
    expect(await screen.findByText('3 days before the due date')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Save schedule' })).toBeNull()
    expect((screen.getByLabelText('Step 1 days') as HTMLInputElement).disabled).toBe(true)
  })
})

describe('CustomerRemindersSection', () => {
  it('customizes the steps for one customer and goes back to the merchant’s schedule', async () => {
    const id = '0190a000-0000-7000-8000-0000000000c1'
    const inherited = { customerId: id, inherited: true, timezone: 'Asia/Kolkata', steps: defaults.steps }
    const requests = stubApi((req) => {
      if (req.url.pathname !== `/api/v1/customers/${id}/reminder-policy`) return undefined
      if (req.method === 'GET' || req.method === 'DELETE') return { body: inherited }
      return { body: { ...inherited, inherited: false, ...(req.body as object) } }
    })
    renderWithApp(<CustomerRemindersSection customerId={id} canWrite />)
    expect(await screen.findByText(/Your schedule, at 09:00 Asia\/Kolkata/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Customize for this customer' }))
    fireEvent.click(screen.getByRole('button', { name: 'Remove step 1' }))
    fireEvent.click(screen.getByRole('button', { name: 'Save for this customer' }))
    expect(await screen.findByText(/This customer’s own schedule/)).toBeTruthy()
    expect(requests.find((r) => r.method === 'PUT')?.body).toEqual({ steps: defaults.steps.slice(1) })
    fireEvent.click(screen.getByRole('button', { name: 'Use your schedule' }))
    expect(await screen.findByText(/Your schedule/)).toBeTruthy()
    expect(requests.some((r) => r.method === 'DELETE')).toBe(true)
  })
})
