import { fireEvent, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { problem, renderWithApp, stubApi } from '../../../test/api'
import { CustomerAvatar } from './CustomerAvatar'
import { CustomerRatingsPanel } from './CustomerRatingsPanel'
import { PrivacyActions } from './PrivacyActions'

afterEach(() => vi.unstubAllGlobals())

const id = '0190a000-0000-7000-8000-00000000000b'
const customer = { id, name: 'Ana Silva' }

describe('PrivacyActions', () => {
  it('links the export and erases only after the name is typed, then leaves the profile', async () => {
    const requests = stubApi((req) =>
      req.method === 'POST' && req.url.pathname === `/api/v1/customers/${id}/erase`
        ? { body: { id, erasedAt: new Date().toISOString() } }
        : undefined,
    )
    const { router } = renderWithApp(<PrivacyActions customer={customer} canErase />, {
      path: `/customers/${id}`,
    })
    expect(screen.getByRole('link', { name: 'Export data' }).getAttribute('href')).toBe(
      `/api/v1/customers/${id}/privacy-export`,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Erase…' }))
    await userEvent.click(screen.getByRole('button', { name: 'Erase personal data' }))
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0)
    await userEvent.type(screen.getByLabelText(/Type “Ana Silva” to confirm/), 'Ana Silva')
    await userEvent.type(screen.getByLabelText(/Reason/), 'Request 7')
    await userEvent.click(screen.getByRole('button', { name: 'Erase personal data' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/customers'))
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ confirm: true, reason: 'Request 7' })
  })

  it('offers no erase to viewers', () => {
    stubApi(() => undefined)
    renderWithApp(<PrivacyActions customer={customer} canErase={false} />)
    expect(screen.getByRole('link', { name: 'Export data' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Erase…' })).toBeNull()
  })
})

describe('CustomerAvatar', () => {
  it('shows initials without a picture, the picture with one', () => {
    stubApi(() => undefined)
    renderWithApp(
      <>
        <CustomerAvatar customer={customer} />
        <CustomerAvatar
          customer={{
            id: 'x',
            name: 'Bo',
            avatar: {
              url: '/api/v1/customers/x/avatar?v=1',
              contentType: 'image/png',
              size: 10,
              updatedAt: '',
            },
          }}
        />
      </>,
    )
    expect(screen.getByText('AS')).toBeTruthy()
    expect(document.querySelector('img')?.getAttribute('src')).toBe('/api/v1/customers/x/avatar?v=1')
  })

  it('uploads the chosen file, refuses one over 1 MB before sending, and shows the API’s 415', async () => {
    const requests = stubApi((req) =>
      req.method === 'PUT'
        ? problem(415, 'unsupported_media_type', 'An avatar must be a PNG, JPEG, WebP or GIF image')
        : undefined,
    )
    renderWithApp(<CustomerAvatar customer={customer} canWrite />)
    const input = screen.getByLabelText('Avatar image')
    fireEvent.change(input, { target: { files: [new File([new Uint8Array(1024 * 1024 + 1)], 'big.png')] } })
    expect((await screen.findByRole('alert')).textContent).toContain('larger than 1 MB')
    expect(requests).toHaveLength(0)
    fireEvent.change(input, { target: { files: [new File(['<svg/>'], 'x.svg', { type: 'image/svg+xml' })] } })
    expect(await screen.findByText(/PNG, JPEG, WebP or GIF/)).toBeTruthy()
    expect(requests[0]).toMatchObject({ method: 'PUT' })
    expect(requests[0]?.url.pathname).toBe(`/api/v1/customers/${id}/avatar`)
  })
})

describe('CustomerRatingsPanel', () => {
  it('shows the average and each rating with its comment', async () => {
    stubApi((req) =>
      req.url.pathname === `/api/v1/customers/${id}/ratings`
        ? {
            body: {
              average: '4.50',
              count: 2,
              data: [
                {
                  invoiceId: 'a',
                  invoiceNumber: 'INV-2',
                  rating: 5,
                  comment: 'Great',
                  createdAt: '',
                  updatedAt: '',
                },
                {
                  invoiceId: 'b',
                  invoiceNumber: 'INV-1',
                  rating: 4,
                  comment: null,
                  createdAt: '',
                  updatedAt: '',
                },
              ],
            },
          }
        : undefined,
    )
    renderWithApp(<CustomerRatingsPanel customerId={id} />)
    expect(await screen.findByText('4.50')).toBeTruthy()
    expect(screen.getByText(/from 2 ratings/)).toBeTruthy()
    expect(screen.getByText('Great')).toBeTruthy()
    expect(screen.getByText('5 out of 5')).toBeTruthy()
  })
})
