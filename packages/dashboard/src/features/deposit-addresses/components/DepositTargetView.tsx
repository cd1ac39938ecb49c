import { coinLabel } from '../../../chains/coins'
import { NetworkMark } from '../../../chains/NetworkMark'
import { CopyButton } from '../../../ui/CopyButton'
import { RefreshIcon } from '../../../ui/icons'
import type { DepositTarget } from '../api'

export interface DepositTargetViewProps {
  target: DepositTarget
  /** Offers "New address" (or a new reference or comment on Solana and TON; not for attached addresses). */
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
        {target.memo ? (
          <div className="deposit-target__row">
            <span className="deposit-target__label">Comment</span>
            <code className="deposit-target__memo">{target.memo}</code>
            <CopyButton value={target.memo} label="Copy comment" />
          </div>
        ) : target.reference ? (
          <div className="deposit-target__row">
            <span className="deposit-target__label">Reference</span>
            <code className="deposit-target__address">{target.reference}</code>
          </div>
        ) : null}
        <div className="deposit-target__row">
          <span className="deposit-target__label">Payment URI</span>
          <code className="deposit-target__uri">{target.uri}</code>
          <CopyButton value={target.uri} label="Copy URI" />
        </div>
        <p className="deposit-target__meta">
          {target.memo ? (
            <>
              Your TON wallet, with this customer’s comment. A customer who types the payment by hand must put
              the comment in the transfer, or the payment arrives without a customer and waits for you to
              assign it.
            </>
          ) : target.reference ? (
            <>
              Your Solana wallet, with this customer’s Solana Pay reference. The customer should scan the code
              or open the link: a wallet that pays the bare address drops the reference, and the payment waits
              for you to assign it.
            </>
          ) : (
            <>
              {target.derivationPath ? (
                <>
                  Derived at <code>{target.derivationPath}</code>.{' '}
                </>
              ) : (
                'Attached address, watched only. '
              )}
              The customer can scan the code with their wallet app or paste the address.
            </>
          )}
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
              {target.memo ? 'New comment' : target.reference ? 'New reference' : 'New address'}
            </button>
          </div>
        ) : null}
      </div>
    </div>
  )
}
