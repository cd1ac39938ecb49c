import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { type RecordedRequest, renderWithApp, stubApi } from '../../../test/api'
import type { CustomerImport } from '../api'
import { ImportPage } from './ImportPage'

afterEach(() => vi.unstubAllGlobals())

const ID = '019a0000-0000-7000-8000-0000000000aa'

function buildImport(overrides: Partial<CustomerImport> = {}): CustomerImport {
  return {
    id: ID,
    status: 'validated',
    dryRun: true,
    format: 'csv',
    fileName: 'customers.csv',
    encoding: 'utf-8',
    delimiter: ';',
    options: { mode: 'upsert', matchBy: 'email', onError: 'abort', mapping: null },
    columns: [
      { header: 'Full name', field: 'name', note: null },
      { header: 'E-mail', field: 'email', note: null },
      { header: 'Loyalty', field: null, note: 'not a column Coinbook knows; map it to a field to import it' },
    ],
    progress: { phase: 'done', done: 3, total: 3 },
    counts: { rows: 3, valid: 2, invalid: 1, created: 1, updated: 1, unchanged: 0, skipped: 0 },
    errorCount: 1,
    errors: [
      { line: 4, column: 'E-mail', field: 'email', value: 'bad@', message: 'must be a valid email address' },
    ],
    failure: null,
    canRun: true,
    reportUrl: `/api/v1/customers/imports/${ID}/report.csv`,
    createdAt: '2026-03-04T10:00:00.000Z',
    startedAt: '2026-03-04T10:00:00.100Z',
    finishedAt: '2026-03-04T10:00:01.000Z',
    ...overrides,
  }
}

/** A check that failed before reading a row: no counts, no row errors. */
function refusedImport(
  failure: NonNullable<CustomerImport['failure']>,
  overrides: Partial<CustomerImport> = {},
): CustomerImport {
  return buildImport({
    status: 'failed',
    counts: { rows: 0, valid: 0, invalid: 0, created: 0, updated: 0, unchanged: 0, skipped: 0 },
    errors: [],
    errorCount: 0,
    failure,
    ...overrides,
  })
}

describe('ImportPage', () => {
  it('checks a file as a dry run, changes a column, then imports the valid rows with progress', async () => {
    const user = userEvent.setup()
    let stage: CustomerImport[] = []
    const requests = stubApi((req: RecordedRequest) => {
      if (req.method === 'POST' && req.url.pathname === '/api/v1/customers/import') {
        return { status: 201, body: buildImport() }
      }
      if (req.method === 'POST' && req.url.pathname.endsWith('/run')) {
        const body = req.body as { dryRun: boolean }
        if (body.dryRun) {
          return {
            status: 201,
            body: buildImport({
              startedAt: '2026-03-04T10:01:00.000Z',
              columns: [
                { header: 'Full name', field: 'name', note: null },
                { header: 'E-mail', field: 'email', note: null },
                { header: 'Loyalty', field: 'tier', note: null },
              ],
            }),
          }
        }
        stage = [
          buildImport({
            status: 'running',
            dryRun: false,
            progress: { phase: 'reading', done: 1500, total: 3000 },
          }),
          buildImport({
            status: 'completed',
            dryRun: false,
            canRun: false,
            startedAt: '2026-03-04T10:02:00.000Z',
            counts: { rows: 3, valid: 2, invalid: 1, created: 1, updated: 1, unchanged: 0, skipped: 0 },
          }),
        ]
        return {
          status: 202,
          body: buildImport({
            status: 'queued',
            dryRun: false,
            progress: { phase: 'queued', done: 0, total: 3 },
          }),
        }
      }
      if (req.method === 'GET' && req.url.pathname === `/api/v1/customers/imports/${ID}`) {
        return { body: stage.length > 1 ? stage.shift() : stage[0] }
      }
      return undefined
    })
    renderWithApp(<ImportPage />, { path: '/customers/import' })

    const file = new File(['Full name;E-mail;Loyalty\nAna;ana@example.com;gold\n'], 'customers.csv', {
      type: 'text/csv',
    })
    await user.upload(screen.getByLabelText('File'), file)
    await user.selectOptions(screen.getByLabelText('Customers you already have'), 'upsert')
    await user.click(screen.getByRole('button', { name: 'Check file' }))

    await screen.findByText('Checked: nothing is written yet')
    // The form that had the focus is gone: the result's message has it, not <body>.
    expect(document.activeElement).toBe(screen.getByText('Checked: nothing is written yet').closest('.alert'))
    const upload = requests.find((r) => r.method === 'POST')
    expect(Object.fromEntries(upload?.url.searchParams ?? [])).toEqual({
      mode: 'upsert',
      matchBy: 'email',
      onError: 'abort',
      dryRun: 'true',
      format: 'csv',
      fileName: 'customers.csv',
    })
    // The dry run's report: counts, the bad row with its line, and the full report to download.
    const counts = screen.getByLabelText('Import counts')
    expect(within(counts).getByText('Would create').nextSibling?.textContent).toBe('1')
    const errors = screen.getByRole('table', { name: 'Rows with errors' })
    expect(within(errors).getByText('must be a valid email address', { exact: false })).toBeTruthy()
    expect(within(errors).getByText('4')).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Download the report (CSV)' }).getAttribute('href')).toBe(
      `/api/v1/customers/imports/${ID}/report.csv`,
    )

    // Map the unknown column, and check again with the whole mapping.
    fireEvent.change(screen.getByLabelText('Import “Loyalty” as'), { target: { value: 'tier' } })
    await user.click(screen.getByRole('button', { name: 'Check again with these columns' }))
    await waitFor(() => expect(requests.filter((r) => r.url.pathname.endsWith('/run'))).toHaveLength(1))
    expect(requests.at(-1)?.body).toEqual({
      dryRun: true,
      mapping: { 'Full name': 'name', 'E-mail': 'email', Loyalty: 'tier' },
    })

    // One row is still bad and the import aborts on errors: offer the valid rows only.
    await user.click(
      await screen.findByRole('button', { name: 'Import 2 valid rows, skip 1 row with errors' }),
    )
    expect(requests.at(-1)?.body).toEqual({ dryRun: false, onError: 'skip' })
    // Queued: worded for jobs run in the API process as well as on a worker; the progress has the focus.
    await screen.findByText('Queued — starting soon…')
    expect(document.activeElement).toBe(
      screen.getByText('Queued — starting soon…').closest('.import-progress'),
    )
    await waitFor(
      () =>
        expect(screen.getByRole('progressbar', { name: 'Import progress' }).getAttribute('value')).toBe(
          '1500',
        ),
      { timeout: 3000 },
    )
    expect(screen.getByText('Checking rows: 1,500 of 3,000')).toBeTruthy()
    await screen.findByText('Import finished', {}, { timeout: 3000 })
    expect(document.activeElement).toBe(screen.getByText('Import finished').closest('.alert'))
    expect(screen.getByText(/1 customer created, 1 updated, 1 row with errors not imported/)).toBeTruthy()
    expect(screen.getByRole('link', { name: 'View customers' }).getAttribute('href')).toBe('/customers')
  })

  it('shows why a file was refused, without counts, and lets the merchant pick another', async () => {
    const user = userEvent.setup()
    stubApi((req) =>
      req.method === 'POST'
        ? {
            status: 201,
            body: refusedImport(
              { code: 'no_known_columns', message: 'None of the columns is one Coinbook knows.' },
              {
                canRun: false,
                columns: [
                  {
                    header: 'Foo',
                    field: null,
                    note: 'not a column Coinbook knows; map it to a field to import it',
                  },
                ],
              },
            ),
          }
        : undefined,
    )
    renderWithApp(<ImportPage />, { path: '/customers/import' })
    await user.upload(screen.getByLabelText('File'), new File(['Foo\n1\n'], 'x.csv', { type: 'text/csv' }))
    await user.click(screen.getByRole('button', { name: 'Check file' }))
    // Only a check: nothing would have been imported anyway.
    const alert = await screen.findByRole('alert')
    expect(within(alert).getByText('The file could not be checked')).toBeTruthy()
    expect(within(alert).getByText('None of the columns is one Coinbook knows.')).toBeTruthy()
    expect(screen.queryByText('Nothing was imported')).toBeNull()
    expect(document.activeElement).toBe(alert)
    expect(screen.queryByRole('button', { name: /^Import \d/ })).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Import another file' }))
    expect(screen.getByRole('button', { name: 'Check file' })).toBeTruthy()
  })

  it.each([
    ['an empty file', 'empty_file', 'The file is empty: it needs a header line and a row per customer'],
    ['a header only', 'empty_file', 'The file has no customers in it'],
    ['no Name column', 'no_name_column', 'The file has no Name column (nor First Name / Last Name).'],
    ['an unreadable file', 'invalid_json', 'Unexpected token } in JSON at line 1'],
  ])('hides the counts when the check failed before reading a row (%s)', async (_case, code, message) => {
    const user = userEvent.setup()
    stubApi((req) =>
      req.method === 'POST'
        ? {
            status: 201,
            body: refusedImport({ code, message }, { canRun: true, columns: null }),
          }
        : undefined,
    )
    renderWithApp(<ImportPage />, { path: '/customers/import' })
    await user.upload(screen.getByLabelText('File'), new File([''], 'x.csv', { type: 'text/csv' }))
    await user.click(screen.getByRole('button', { name: 'Check file' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toBe(`The file could not be checked${message}`)
    expect(document.activeElement).toBe(alert)
    expect(screen.queryByLabelText('Import counts')).toBeNull()
    expect(screen.queryByText('Rows')).toBeNull()
  })

  it('says nothing was imported when the import itself failed, with the counts of the rows it read', async () => {
    const user = userEvent.setup()
    stubApi((req) => {
      if (req.method === 'POST' && req.url.pathname === '/api/v1/customers/import') {
        return { status: 201, body: buildImport() }
      }
      if (req.method === 'POST' && req.url.pathname.endsWith('/run')) {
        return {
          status: 201,
          body: buildImport({
            status: 'failed',
            dryRun: false,
            startedAt: '2026-03-04T10:02:00.000Z',
            counts: { rows: 3, valid: 2, invalid: 1, created: 1, updated: 1, unchanged: 0, skipped: 0 },
            failure: { code: 'invalid_rows', message: '1 of 3 rows have errors, so nothing was imported.' },
          }),
        }
      }
      return undefined
    })
    renderWithApp(<ImportPage />, { path: '/customers/import' })
    await user.upload(screen.getByLabelText('File'), new File(['Name\nAna\n'], 'x.csv', { type: 'text/csv' }))
    await user.click(screen.getByRole('button', { name: 'Check file' }))
    await user.click(
      await screen.findByRole('button', { name: 'Import 2 valid rows, skip 1 row with errors' }),
    )
    const alert = await screen.findByRole('alert')
    expect(within(alert).getByText('Nothing was imported')).toBeTruthy()
    expect(document.activeElement).toBe(alert)
    expect(within(screen.getByLabelText('Import counts')).getByText('Rows').nextSibling?.textContent).toBe(
      '3',
    )
  })
})
