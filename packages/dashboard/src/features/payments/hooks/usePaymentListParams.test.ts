import { describe, expect, it } from 'vitest'
import { nextDay, parsePaymentListParams, toApiParams } from './usePaymentListParams'

describe('parsePaymentListParams', () => {
  it('reads the filters and page from the URL', () => {
    const view = parsePaymentListParams(
      new URLSearchParams(
        'status=pending&network=tron&asset=USDT&from=2026-03-01&to=2026-03-31&limit=50&cursor=abc&tab=payments',
      ),
    )
    expect(view).toEqual({
      status: 'pending',
      network: 'tron',
      asset: 'USDT',
      from: '2026-03-01',
      to: '2026-03-31',
      limit: 50,
      cursor: 'abc',
    })
  })

  it('drops values the API would reject and filters the page does not offer', () => {
    const bad = parsePaymentListParams(
      new URLSearchParams('status=lost&network=dogecoin&asset=DOGE&from=yesterday&to=2026-13-45&limit=7'),
    )
    expect(bad).toEqual({ limit: 25, cursor: undefined })
    const customerTab = parsePaymentListParams(new URLSearchParams('status=failed&asset=BTC'), [
      'status',
      'network',
    ])
    expect(customerTab).toEqual({ status: 'failed', network: undefined, limit: 25, cursor: undefined })
  })
})

describe('toApiParams', () => {
  it('sends the last day of the range as the exclusive day after it', () => {
    const params = toApiParams({ from: '2026-02-01', to: '2026-02-28', limit: 25 })
    expect(params).toEqual({ from: '2026-02-01', to: '2026-03-01', limit: 25 })
    expect(nextDay('2024-12-31')).toBe('2025-01-01')
    expect(nextDay('2024-02-28')).toBe('2024-02-29')
  })
})
