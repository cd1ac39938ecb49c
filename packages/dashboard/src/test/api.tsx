import type { Me, Payment } from '@coinbook/api/contracts'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { ReactNode } from 'react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { vi } from 'vitest'
import { meQueryKey } from '../features/auth/hooks/useMe'

export interface RecordedRequest {
  method: string
  url: URL
  body: unknown
}

export interface StubResponse {
  status?: number
  body?: unknown
}

/**
 * Replaces fetch with a handler answering like the API (JSON, problem+json for errors) and records every
 * request. Undo with vi.unstubAllGlobals() in afterEach.
 */
export function stubApi(handler: (req: RecordedRequest) => StubResponse | undefined) {
  const requests: RecordedRequest[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init: RequestInit = {}) => {
      const req: RecordedRequest = {
        method: init.method ?? 'GET',
        url: new URL(input, 'http://coinbook.test'),
        body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      }
      requests.push(req)
      const res = handler(req) ?? { status: 404, body: { code: 'not_found', detail: 'Not stubbed' } }
      const status = res.status ?? 200
      return new Response(res.body === undefined ? null : JSON.stringify(res.body), {
        status,
        headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' },
      })
    }),
  )
  return requests
}

/** A problem document as the API sends it. */
export function problem(status: number, code: string, detail: string, extra: Record<string, unknown> = {}) {
  return { status, body: { type: 'about:blank', title: detail, status, detail, code, ...extra } }
}

export function buildMe(role: Me['role'] = 'owner'): Me {
  return {
    user: { id: '0190a000-0000-7000-8000-000000000001', email: 'owner@example.com', name: 'Olive', role },
    merchant: { id: '0190a000-0000-7000-8000-000000000002', name: 'Acme', reportingCurrency: 'EUR' },
    role,
    via: 'session',
  }
}

let n = 0

/** A payment as the API returns it, with overrides. */
export function buildPayment(overrides: Partial<Payment> = {}): Payment {
  n += 1
  const hash = `0x${n.toString(16).padStart(2, '0').repeat(32)}`
  return {
    id: `0190b000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    customerId: null,
    customerName: null,
    network: 'ethereum',
    asset: 'ETH',
    txHash: hash,
    eventIndex: 0,
    from: null,
    to: '0x9858EfFD232B4033E47d90003D41EC34EcaEda94',
    memo: null,
    reference: null,
    amount: '0.25',
    amountBaseUnits: '250000000000000000',
    networkFee: null,
    networkFeeAsset: 'ETH',
    matchedBy: null,
    fiatCurrency: 'USD',
    fiatValue: '812.40',
    rate: '3249.6',
    status: 'confirmed',
    confirmations: 14,
    requiredConfirmations: 12,
    blockNumber: 100,
    blockTime: '2026-03-04T10:00:00.000Z',
    explorerUrl: `https://etherscan.io/tx/${hash}`,
    detectedAt: '2026-03-04T10:00:05.000Z',
    confirmedAt: null,
    refundedAmount: '0',
    refundedFiatValue: null,
    refundStatus: 'none',
    ...overrides,
  }
}

/** Renders a page under a memory router and a fresh query client in which `me` is signed in. */
export function renderWithApp(element: ReactNode, opts: { path?: string; me?: Me } = {}) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  })
  client.setQueryData(meQueryKey, opts.me ?? buildMe())
  const router = createMemoryRouter(
    [
      { path: '*', element },
      { path: '/settings/wallets', element: <h1>Wallets page</h1> },
    ],
    { initialEntries: [opts.path ?? '/'] },
  )
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  return { client, router }
}
