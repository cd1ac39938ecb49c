import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { CustomerMetrics } from '../api'
import { CustomerMetricsCards } from './CustomerMetricsCards'

const metrics: CustomerMetrics = {
  currency: 'USD',
  lifetimeValue: '250.5',
  paymentCount: 3,
  firstPaymentAt: '2026-01-01T00:00:00.000Z',
  lastPaymentAt: '2026-01-31T00:00:00.000Z',
  paymentsPer30d: '3.00',
  medianIntervalDays: '15.00',
  invoicesPaid: 2,
  invoicesSettled: 3,
  paidOnTime: 1,
  successRate: '0.6667',
  onTimeRate: '0.5000',
  avgDaysToPay: '15.00',
  topCoin: { asset: 'USDT', network: 'ethereum' },
  coinMix: [
    { asset: 'USDT', network: 'ethereum', payments: 2, volume: '150.5', value: '150.5' },
    { asset: 'ETH', network: 'ethereum', payments: 1, volume: '0.05', value: '100' },
  ],
  trend: {
    last30Days: { revenue: '105', payments: 1 },
    previous30Days: { revenue: '70', payments: 2 },
    change: '0.5000',
  },
  monthly: Array.from({ length: 12 }, (_, i) => ({
    month: `2025-${i + 1}`,
    revenue: String(i * 10),
    payments: 1,
  })),
  churned: true,
}

describe('CustomerMetricsCards', () => {
  it('shows lifetime value, success rate, time to pay, the trend and the coin mix', () => {
    render(<CustomerMetricsCards metrics={metrics} />)
    expect(screen.getByText('$250.50')).toBeTruthy()
    expect(screen.getByText('66.7%')).toBeTruthy()
    expect(screen.getByText('2 of 3 invoices paid')).toBeTruthy()
    expect(screen.getByText('15 days')).toBeTruthy()
    expect(screen.getByText('on time: 50%')).toBeTruthy()
    expect(screen.getByText('+50% vs the 30 days before')).toBeTruthy()
    expect(screen.getByRole('img', { name: 'Revenue over the last 12 months' })).toBeTruthy()
    expect(screen.getByText('Churned')).toBeTruthy()
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringContaining('2 payments, $150.50'),
      expect.stringContaining('1 payment, $100.00'),
    ])
  })

  it('says what is missing instead of showing zeros', () => {
    render(
      <CustomerMetricsCards
        metrics={{
          ...metrics,
          lifetimeValue: '0',
          paymentCount: 0,
          lastPaymentAt: null,
          invoicesPaid: 0,
          invoicesSettled: 0,
          successRate: null,
          onTimeRate: null,
          avgDaysToPay: null,
          coinMix: [],
          trend: { ...metrics.trend, change: null },
          churned: false,
        }}
      />,
    )
    expect(screen.getByText('no invoices due yet')).toBeTruthy()
    expect(screen.getByText('None yet')).toBeTruthy()
    expect(screen.getByText('No confirmed payments yet.')).toBeTruthy()
    expect(screen.getByText('no previous data vs the 30 days before')).toBeTruthy()
    expect(screen.queryByText('Churned')).toBeNull()
  })
})
