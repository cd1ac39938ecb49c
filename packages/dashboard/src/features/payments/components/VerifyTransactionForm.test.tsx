import { fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildPayment, problem, renderWithApp, stubApi } from '../../../test/api'
import { buildCustomer } from '../../../test/factories'
import { VerifyTransactionForm } from './VerifyTransactionForm'

afterEach(() => vi.unstubAllGlobals())

const HASH = `0x${'ab'.repeat(32)}`

function fill(network: string, hash: string) {
  fireEvent.change(screen.getByRole('combobox', { name: 'Network' }), { target: { value: network } })
  fireEvent.change(screen.getByRole('textbox', { name: 'Transaction hash' }), { target: { value: hash } })
  fireEvent.click(screen.getByRole('button', { name: 'Verify' }))
}

describe('VerifyTransactionForm', () => {
  it('sends the network and the trimmed hash, and tells new payments from those already recorded', async () => {
    const ada = buildCustomer({ name: 'Ada Lovelace' })
    const requests = stubApi(({ method, url }) => {
      if (method === 'POST' && url.pathname === '/api/v1/payments/verify') {
        return {
          body: {
            data: [
              {
                ...buildPayment({
                  customerId: ada.id,
                  customerName: ada.name,
                  amount: '1250.000000',
                  asset: 'USDT',
                }),
                created: true,
              },
              {
                ...buildPayment({
                  customerId: ada.id,
                  customerName: ada.name,
                  status: 'pending',
                  confirmations: 1,
                }),
                created: false,
              },
            ],
            detail: '2 payment(s) to your customers in this transaction',
          },
        }
      }
      return undefined
    })
    renderWithApp(<VerifyTransactionForm />)
    fill('tron', `  ${HASH}  `)

    const status = await screen.findByText('1 new payment recorded')
    const result = status.closest('.alert') as HTMLElement
    expect(requests[0]?.body).toEqual({ network: 'tron', txHash: HASH })
    expect(result.textContent).toContain('2 payment(s) to your customers in this transaction.')
    const items = within(result).getAllByRole('listitem')
    expect(items[0]?.textContent).toContain('1,250\u00a0USDT')
    expect(within(items[0] as HTMLElement).getByText('New')).toBeTruthy()
    expect(within(items[1] as HTMLElement).getByText('Already recorded')).toBeTruthy()
    expect(items[1]?.textContent).toContain('1/12')
    // Customers are named, linking to their payments.
    const links = await within(result).findAllByRole('link', { name: 'Ada Lovelace' })
    expect(links[0]?.getAttribute('href')).toBe(`/customers/${ada.id}?tab=payments`)
  })

  it('says so when the transaction pays none of the customers', async () => {
    stubApi(() => ({ body: { data: [], detail: 'This transaction pays none of your customers’ addresses' } }))
    renderWithApp(<VerifyTransactionForm />)
    fill('ethereum', HASH)
    await screen.findByText('Nothing to record')
    expect(screen.getByRole('status').textContent).toContain('pays none of your customers’ addresses.')
  })

  it('asks for a hash before sending anything', () => {
    const requests = stubApi(() => undefined)
    renderWithApp(<VerifyTransactionForm />)
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }))
    const field = screen.getByRole('textbox', { name: 'Transaction hash' })
    expect(field.getAttribute('aria-invalid')).toBe('true')
    expect(document.getElementById('field-txHash-error')?.textContent).toContain('Paste the transaction hash')
    expect(document.activeElement).toBe(field)
    expect(requests).toHaveLength(0)
  })

  it('puts a malformed hash’s error next to the field', async () => {
    stubApi(() =>
      problem(400, 'validation_failed', 'Invalid transaction hash', {
        errors: [{ path: 'txHash', message: 'is not a transaction hash of this network' }],
      }),
    )
    renderWithApp(<VerifyTransactionForm />)
    fill('bitcoin', 'nope')
    await screen.findByText('is not a transaction hash of this network')
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Transaction hash' }))
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('names an unknown transaction', async () => {
    stubApi(() => problem(404, 'not_found', `Transaction ${HASH} was not found`))
    renderWithApp(<VerifyTransactionForm />)
    fill('bsc', HASH)
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('No BNB Smart Chain transaction 0xababab…ababab')
    expect(alert.textContent).toContain(`Transaction ${HASH} was not found.`)
  })

  it('shows the detail when no node is configured for the network, with the setting to fix it', async () => {
    stubApi(() =>
      problem(503, 'rpc_unavailable', 'No Ethereum node is configured, so transactions cannot be verified', {
        setting: 'ETHEREUM_RPC_URLS',
      }),
    )
    renderWithApp(<VerifyTransactionForm />)
    fill('ethereum', HASH)
    await screen.findByText('Ethereum transactions cannot be verified right now')
    const message = screen.getByText(/No Ethereum node is configured/)
    expect(message.textContent).toContain('so transactions cannot be verified. An administrator can set')
    expect(screen.getByText('ETHEREUM_RPC_URLS').tagName).toBe('CODE')
  })
})
