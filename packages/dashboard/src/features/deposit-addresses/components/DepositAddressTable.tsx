import { networkName } from '../../../chains/coins'
import { NetworkMark } from '../../../chains/NetworkMark'
import { formatDate } from '../../../format/dates'
import { Badge } from '../../../ui/Badge'
import { CopyButton } from '../../../ui/CopyButton'
import type { DepositAddress } from '../api'

export interface DepositAddressTableProps {
  addresses: readonly DepositAddress[]
}

/** Every address the customer can pay to, newest first; each is watched for as long as Coinbook runs. */
export function DepositAddressTable({ addresses }: DepositAddressTableProps) {
  return (
    <div className="table-wrap">
      <table className="table deposit-table" aria-label="Deposit addresses">
        <thead>
          <tr>
            <th scope="col">Network</th>
            <th scope="col">Address</th>
            <th scope="col">Derivation path</th>
            <th scope="col">Source</th>
            <th scope="col" className="num">
              Created
            </th>
          </tr>
        </thead>
        <tbody>
          {addresses.map((a) => (
            <tr key={a.id}>
              <td className="nowrap">
                <span className="network-cell">
                  <NetworkMark network={a.network} size="small" />
                  {networkName(a.network)}
                </span>
              </td>
              <td>
                <span className="address-cell">
                  <code>{a.address}</code>
                  <CopyButton value={a.address} label={`Copy ${networkName(a.network)} address`} iconOnly />
                </span>
                {a.memo || a.reference ? (
                  <span className="muted address-cell__memo">
                    {a.memo ? 'Memo' : 'Reference'} <code>{a.memo ?? a.reference}</code>
                  </span>
                ) : null}
              </td>
              <td>
                {a.derivationPath ? (
                  <code className="muted">{a.derivationPath}</code>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td>
                {a.source === 'derived' ? (
                  <Badge tone="info" title="Derived from your wallet key for this customer">
                    Generated
                  </Badge>
                ) : (
                  <Badge title="An address you already used, attached and watched only">Attached</Badge>
                )}
              </td>
              <td className="num muted">{formatDate(a.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
