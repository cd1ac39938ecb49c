import { fireEvent, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderWithApp, stubApi } from '../../../test/api'
import type { BuiltinSegment } from '../api'
import { SegmentChips } from './SegmentChips'

afterEach(() => vi.unstubAllGlobals())

const builtin = (overrides: Partial<BuiltinSegment>): BuiltinSegment => ({
  id: 'vip',
  group: 'value',
  name: 'VIP',
  description: '',
  param: null,
  available: true,
  unavailableReason: null,
  ...overrides,
})

const builtins = [
  builtin({ id: 'vip', name: 'VIP' }),
  builtin({
    id: 'timezone',
    group: 'geography',
    name: 'Time-zone region',
    param: { name: 'region', options: ['Europe', 'America'] },
  }),
]

function stubSegments() {
  return stubApi(({ url }) => {
    if (url.pathname === '/api/v1/segments/builtin') return { body: { data: builtins } }
    if (url.pathname === '/api/v1/segments') return { body: { data: [] } }
    return undefined
  })
}

describe('SegmentChips', () => {
  it('names a picked parameterised built-in ("Time-zone region: Europe"), not its raw id', async () => {
    stubSegments()
    const onChange = vi.fn()
    renderWithApp(<SegmentChips value="timezone:Europe" onChange={onChange} />)
    const chip = await screen.findByRole('button', { name: 'Time-zone region: Europe' })
    expect(chip.getAttribute('aria-pressed')).toBe('true')
    expect(screen.queryByRole('button', { name: 'timezone:Europe' })).toBeNull()
    expect(screen.getByRole('button', { name: 'VIP' })).toBeTruthy()
    fireEvent.click(chip)
    expect(onChange).toHaveBeenCalledWith(undefined)
  })

  it('shows the id while the built-ins are unknown', async () => {
    stubApi(({ url }) =>
      url.pathname === '/api/v1/segments' ? { body: { data: [] } } : { status: 500, body: { code: 'x' } },
    )
    renderWithApp(<SegmentChips value="timezone:Europe" onChange={() => {}} />)
    expect(await screen.findByRole('button', { name: 'timezone:Europe' })).toBeTruthy()
  })
})
