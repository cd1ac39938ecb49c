/** What a template preview is rendered with: every variable of every kind has a plausible value. */
export function sampleVariables(merchantName: string): Record<string, unknown> {
  return {
    customer: { name: 'Ada Lovelace', email: 'ada@example.com' },
    merchant: { name: merchantName },
    invoice: {
      number: 'INV-000042',
      total: '250.00',
      amountDue: '150.00',
      amountPaid: '100.00',
      currency: 'USD',
      issueDate: '2026-03-01',
      dueDate: '2026-03-15',
      daysUntilDue: 3,
      daysOverdue: 7,
    },
    payLink: '/pay/sample-pay-link',
    payment: {
      amount: '100.00',
      asset: 'USDT',
      network: 'tron',
      txHash: '9f2c6a61b1c8f7e0f1d2c3b4a5968776655443322110ffeeddccbbaa99887766',
      explorerUrl:
        'https://tronscan.org/#/transaction/9f2c6a61b1c8f7e0f1d2c3b4a5968776655443322110ffeeddccbbaa99887766',
    },
    credit: { amount: '12.50', currency: 'USD' },
    subscription: {
      planName: 'Pro monthly',
      amount: '49.00',
      currency: 'USD',
      renewalDate: '2026-04-01',
      cancelReason: 'requested',
    },
    changes: 'billing address',
    link: { expiresInMinutes: 15 },
    webhook: { url: 'https://example.com/hooks/coinbook', reason: 'it failed for 5 days' },
    message: { subject: 'A note about your order', text: 'Hello Ada,\nyour order shipped today.' },
  }
}
