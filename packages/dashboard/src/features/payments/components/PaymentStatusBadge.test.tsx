import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { PaymentStatusBadge } from './PaymentStatusBadge'

const badge = () => screen.getByText((_, el) => el?.classList.contains('badge') ?? false)

describe('PaymentStatusBadge', () => {
  it('shows a pending payment’s confirmations as "2/3", and says them in words to screen readers', () => {
    render(<PaymentStatusBadge payment={{ status: 'pending', confirmations: 2, requiredConfirmations: 3 }} />)
    expect(badge().className).toContain('badge--warning')
    expect(badge().textContent).toBe('Pending2/3, 2 of 3 confirmations')
    expect(screen.getByText('2/3').getAttribute('aria-hidden')).toBe('true')
    expect(badge().title).toContain('waiting for enough confirmations')
  })

  it('never shows more confirmations than required while pending', () => {
    render(<PaymentStatusBadge payment={{ status: 'pending', confirmations: 5, requiredConfirmations: 1 }} />)
    expect(screen.getByText('1/1')).toBeTruthy()
    expect(badge().textContent).toContain('5 of 1 confirmation')
  })

  it('labels confirmed, failed and reorged payments without a count', () => {
    const { rerender } = render(
      <PaymentStatusBadge payment={{ status: 'confirmed', confirmations: 12, requiredConfirmations: 3 }} />,
    )
    expect(badge().textContent).toBe('Confirmed')
    expect(badge().className).toContain('badge--success')
    expect(badge().title).toContain('12 confirmations')

    rerender(
      <PaymentStatusBadge payment={{ status: 'failed', confirmations: 4, requiredConfirmations: 3 }} />,
    )
    expect(badge().textContent).toBe('Failed')
    expect(badge().className).toContain('badge--danger')

    rerender(
      <PaymentStatusBadge payment={{ status: 'reorged', confirmations: 0, requiredConfirmations: 3 }} />,
    )
    expect(badge().textContent).toBe('Reversed')
    expect(badge().title).toContain('reorg')
  })
})
