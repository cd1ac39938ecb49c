import { describe, expect, it } from 'vitest'
import { parseListParams } from './useCustomerListParams'

describe('parseListParams', () => {
  it('reads search, filters, sort and page from the URL', () => {
    const p = parseListParams(
      new URLSearchParams(
        'q=ada&status=active&type=business&tier=gold&country=pt&tag=vip&sort=name&limit=50&cursor=abc',
      ),
    )
    expect(p).toEqual({
      q: 'ada',
      status: 'active',
      type: 'business',
      tier: 'gold',
      country: 'PT',
      tag: 'vip',
      sort: 'name',
      limit: 50,
      cursor: 'abc',
    })
  })

  it('ignores values the API would reject, falling back to the defaults', () => {
    const p = parseListParams(
      new URLSearchParams('status=deleted&tier=diamond&country=Portugal&sort=email&limit=7&q=%20%20'),
    )
    expect(p).toMatchObject({ status: undefined, tier: undefined, country: undefined, q: undefined })
    expect(p.sort).toBe('-createdAt')
    expect(p.limit).toBe(25)
  })
})
