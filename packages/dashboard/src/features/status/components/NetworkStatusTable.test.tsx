import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { NetworkStatus } from '../api'
import { NetworkStatusTable } from './NetworkStatusTable'

const now = Date.parse('2026-12-02T12:00:00Z')

function status(over: Partial<NetworkStatus> & Pick<NetworkStatus, 'network' | 'name'>): NetworkStatus {
  return {
    scan: 'blocks',
    node: { status: 'ok', error: null, urls: 1 },
    head: '1000',
    cursor: '1000',
    lag: 0,
    lastScanAt: new Date(now - 30_000).toISOString(),
    requiredConfirmations: 12,
    checkedAt: new Date(now).toISOString(),
    ...over,
  }
}

const row = (name: string) => screen.getByRole('row', { name: new RegExp(`^${name}`) })

describe('NetworkStatusTable', () => {
  it('says, per network, whether the node answers and how far the scan has got', () => {
    render(
      <NetworkStatusTable
        now={now}
        statuses={[
          status({ network: 'ethereum', name: 'Ethereum', head: '21000000', cursor: '20999990', lag: 10 }),
          status({
            network: 'bitcoin',
            name: 'Bitcoin',
            node: { status: 'error', error: 'bitcoin node https://esplora.example: timed out', urls: 1 },
            head: null,
            lag: null,
          }),
          status({
            network: 'tron',
            name: 'Tron',
            node: { status: 'not_configured', error: null, urls: 0 },
            head: null,
            cursor: null,
            lag: null,
            lastScanAt: null,
          }),
          status({ network: 'bsc', name: 'BNB Smart Chain', lag: 500, cursor: '500' }),
          status({
            network: 'arbitrum',
            name: 'Arbitrum',
            lastScanAt: new Date(now - 3_600_000).toISOString(),
          }),
          status({ network: 'solana', name: 'Solana', scan: 'wallets', cursor: null, lag: null }),
        ]}
      />,
    )
    const eth = within(row('Ethereum'))
    expect(eth.getByText('Healthy')).toBeTruthy()
    expect(eth.getByText((21_000_000).toLocaleString())).toBeTruthy()
    expect(eth.getByText('10 blocks')).toBeTruthy()
    expect(eth.getByText('30 seconds ago')).toBeTruthy()
    expect(within(row('Bitcoin')).getByText('Node down').className).toContain('badge--danger')
    expect(within(row('Bitcoin')).getByText(/timed out/)).toBeTruthy()
    expect(within(row('Tron')).getByText('Not configured')).toBeTruthy()
    expect(within(row('Tron')).getByText('never')).toBeTruthy()
    expect(within(row('BNB Smart Chain')).getByText('Catching up').className).toContain('badge--warning')
    expect(within(row('Arbitrum')).getByText('Scan stalled')).toBeTruthy()
    expect(within(row('Solana')).getByText('per wallet')).toBeTruthy()
  })
})
