import { formatRelative } from '../../../format/dates'
import { Badge, type BadgeTone } from '../../../ui/Badge'
import type { NetworkStatus } from '../api'

export interface NetworkStatusTableProps {
  statuses: NetworkStatus[]
  /** For "2 minutes ago"; the page passes the time it rendered. */
  now?: number
}

/** A scan that has not run for this long is flagged, whatever the node says. */
const STALE_SCAN_MS = 10 * 60_000

function health(s: NetworkStatus, now: number): { tone: BadgeTone; label: string; title: string } {
  if (s.node.status === 'not_configured') {
    return {
      tone: 'neutral',
      label: 'Not configured',
      title: `No node URL is set (${s.network.toUpperCase()}_RPC_URLS): addresses work, payments are not found`,
    }
  }
  if (s.node.status === 'error') return { tone: 'danger', label: 'Node down', title: s.node.error ?? '' }
  if (s.lastScanAt && now - Date.parse(s.lastScanAt) > STALE_SCAN_MS) {
    return {
      tone: 'warning',
      label: 'Scan stalled',
      title: 'The node answers but no scan has finished lately',
    }
  }
  if (s.lag !== null && s.lag > Math.max(10, s.requiredConfirmations)) {
    return { tone: 'warning', label: 'Catching up', title: `${s.lag} blocks behind the node` }
  }
  return { tone: 'success', label: 'Healthy', title: 'The node answers and the scan is current' }
}

const blocks = (value: string | null) => (value === null ? '—' : BigInt(value).toLocaleString())

/** One row per network: node health, head, how far the scan has got, and when it last ran. */
export function NetworkStatusTable({ statuses, now = Date.now() }: NetworkStatusTableProps) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Network status</caption>
        <thead>
          <tr>
            <th scope="col">Network</th>
            <th scope="col">Health</th>
            <th scope="col" className="num">
              Node head
            </th>
            <th scope="col" className="num">
              Scanned to
            </th>
            <th scope="col" className="num">
              Behind
            </th>
            <th scope="col">Last scan</th>
            <th scope="col" className="num">
              Confirmations
            </th>
          </tr>
        </thead>
        <tbody>
          {statuses.map((s) => {
            const h = health(s, now)
            return (
              <tr key={s.network}>
                <th scope="row">{s.name}</th>
                <td>
                  <Badge tone={h.tone} title={h.title}>
                    {h.label}
                  </Badge>
                  {s.node.status === 'error' && s.node.error ? (
                    <div className="muted">{s.node.error}</div>
                  ) : null}
                </td>
                <td className="num">{blocks(s.head)}</td>
                <td className="num">{s.scan === 'wallets' ? 'per wallet' : blocks(s.cursor)}</td>
                <td className="num">{s.lag === null ? '—' : `${s.lag.toLocaleString()} blocks`}</td>
                <td>{s.lastScanAt ? formatRelative(s.lastScanAt, now) : 'never'}</td>
                <td className="num">{s.requiredConfirmations}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
