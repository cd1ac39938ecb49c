import { assetsOn, type NetworkId, networkName } from '../../../chains/coins'
import { NetworkMark } from '../../../chains/NetworkMark'
import { formatDate } from '../../../format/dates'
import { Alert } from '../../../ui/Alert'
import { Badge } from '../../../ui/Badge'
import { CopyButton } from '../../../ui/CopyButton'
import { usePutWallet, type Wallet } from '../api'
import { type BitcoinScheme, schemeLabel, walletSetup } from '../setup'
import { FirstAddresses } from './FirstAddresses'
import { WalletForm } from './WalletForm'

export interface WalletCardProps {
  network: NetworkId
  wallet: Wallet | undefined
  /** Owners and admins may connect and replace keys. */
  canManage: boolean
  /** The form is open (one card at a time). */
  editing: boolean
  onEdit: () => void
  onClose: () => void
  /** The wallet was just saved here: confirm it, and point at the addresses to compare. */
  justSaved: boolean
  onSaved: () => void
}

/** Bitcoin's address type; EVM and Tron keys have one kind of address, so nothing is said for them. */
function schemeText(network: NetworkId, scheme: string | null): string | null {
  if (network !== 'bitcoin' || !scheme) return null
  return schemeLabel[scheme as BitcoinScheme] ?? scheme.toUpperCase()
}

/** One network's receiving setup: whether it is connected, with what, its first addresses, and the form. */
export function WalletCard({
  network,
  wallet,
  canManage,
  editing,
  onEdit,
  onClose,
  justSaved,
  onSaved,
}: WalletCardProps) {
  const save = usePutWallet(network)
  const setup = walletSetup(network)
  const name = networkName(network)
  const titleId = `wallet-${network}-title`

  return (
    <section
      className={`card wallet-card${wallet ? ' wallet-card--connected' : ''}`}
      id={`wallet-${network}`}
      aria-labelledby={titleId}
    >
      <header className="wallet-card__header">
        <NetworkMark network={network} />
        <div className="wallet-card__title">
          <h2 className="wallet-card__name" id={titleId}>
            {name}
          </h2>
          <p className="wallet-card__meta">Receives {assetsOn(network).join(' · ')}</p>
        </div>
        {wallet ? <Badge tone="success">Connected</Badge> : <Badge tone="neutral">Not connected</Badge>}
        {canManage && !editing ? (
          <button
            type="button"
            className={`button button--small ${wallet ? 'button--secondary' : 'button--primary'}`}
            onClick={() => {
              save.reset()
              onEdit()
            }}
            aria-describedby={titleId}
          >
            {wallet ? (setup.kind === 'xpub' ? 'Replace key' : 'Change address') : 'Connect'}
          </button>
        ) : null}
      </header>

      {justSaved && wallet ? (
        <Alert tone="success" title={`${name} wallet saved.`}>
          {wallet.kind === 'xpub'
            ? 'Compare the addresses below with your wallet app before giving customers addresses.'
            : 'Customers can now pay this wallet.'}
        </Alert>
      ) : null}

      {wallet ? (
        <div className="wallet-card__body">
          <dl className="wallet-facts">
            {wallet.kind === 'xpub' ? (
              <div>
                <dt>Key</dt>
                <dd>
                  <code title="Shortened: the full key is never shown again">{wallet.keyPreview}</code>
                </dd>
              </div>
            ) : (
              <div>
                <dt>Address</dt>
                <dd className="wallet-facts__address">
                  <code>{wallet.address}</code>
                  {wallet.address ? (
                    <CopyButton value={wallet.address} label="Copy address" iconOnly />
                  ) : null}
                </dd>
              </div>
            )}
            {schemeText(network, wallet.scheme) ? (
              <div>
                <dt>Address type</dt>
                <dd>{schemeText(network, wallet.scheme)}</dd>
              </div>
            ) : null}
            {wallet.kind === 'xpub' ? (
              <div>
                <dt>Addresses given out</dt>
                <dd>{wallet.nextIndex}</dd>
              </div>
            ) : null}
            <div>
              <dt>Added</dt>
              <dd>{formatDate(wallet.createdAt)}</dd>
            </div>
          </dl>
          {wallet.firstAddresses.length ? <FirstAddresses addresses={wallet.firstAddresses} /> : null}
        </div>
      ) : !editing ? (
        <p className="wallet-card__empty">
          {setup.kind === 'xpub'
            ? `Connect an account xpub to give each customer their own ${name} address.`
            : `Connect the wallet your customers pay on ${name}.`}
        </p>
      ) : null}

      {editing ? (
        <div className="wallet-card__form">
          <WalletForm
            network={network}
            replacing={Boolean(wallet)}
            pending={save.isPending}
            error={save.error}
            onCancel={() => {
              save.reset()
              onClose()
            }}
            onSubmit={(input) => save.mutate(input, { onSuccess: onSaved })}
          />
        </div>
      ) : null}
    </section>
  )
}
