import { coinLabel } from '../../../chains/coins'
import { NetworkMark } from '../../../chains/NetworkMark'
import { CopyButton } from '../../../ui/CopyButton'
import { RefreshIcon } from '../../../ui/icons'
import type { DepositTarget } from '../api'

export interface DepositTargetViewProps {
  target: DepositTarget
  /** Offers "New address" (derived addresses only). */
  onNewAddress?: () => void
  busy?: boolean
}

/**
 * The QR code of a server-made SVG as an image: an <img> never runs what an SVG might contain, so the markup
 * is not trusted into the page.
 */
export function qrImageSrc(svg: string): string {
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`
}

/** A deposit address to hand to the customer: QR code, address, payment URI, each with a copy button. */
export function DepositTargetView({ target, onNewAddress, busy = false }: DepositTargetViewProps) {
  const label = coinLabel(target)
  return (
    <div className="deposit-target">
      <img
        className="deposit-target__qr"
        src={qrImageSrc(target.qrSvg)}
        alt={`QR code of the ${label} payment link`}
        width={184}
        height={184}
      />
      <div className="deposit-target__details">
        <div className="deposit-target__heading">
          <NetworkMark network={target.network} size="small" />
          <strong>{label}</strong>
        </div>
        <div className="deposit-target__row">
          <span className="deposit-target__label">Address</span>
          <code className="deposit-target__address" data-testid="deposit-address">
            {target.address}
          </code>
          <CopyButton value={target.address} label="Copy address" />
        </div>
        {target.memo || target.reference ? (
          <div className="deposit-target__row">
            <span className="deposit-target__label">{target.memo ? 'Memo' : 'Reference'}</span>
            <code>{target.memo ?? target.reference}</code>
          </div>
        ) : null}
        <div className="deposit-target__row">
          <span className="deposit-target__label">Payment URI</span>
          <code className="deposit-target__uri">{target.uri}</code>
          <CopyButton value={target.uri} label="Copy URI" />
        </div>
        <p className="deposit-target__meta">
          {target.derivationPath ? (
            <>
              Derived at <code>{target.derivationPath}</code>.{' '}
            </>
          ) : (
            'Attached address, watched only. '
          )}
          The customer can scan the code with their wallet app or paste the address.
        </p>
        {onNewAddress && target.source === 'derived' ? (
          <div className="deposit-target__actions">
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={onNewAddress}
              disabled={busy}
            >
              <RefreshIcon />
              New address
            </button>
          </div>
        ) : null}
      </div>
    </div>
  )
}
