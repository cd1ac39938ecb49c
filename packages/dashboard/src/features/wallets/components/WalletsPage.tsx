import { useEffect, useState } from 'react'
import { useSearchParams } from 'react-router'
import { allNetworks, isNetworkId, type NetworkId } from '../../../chains/coins'
import { ErrorAlert } from '../../../ui/Alert'
import { DocumentTitle } from '../../../ui/DocumentTitle'
import { ShieldIcon } from '../../../ui/icons'
import { PageHeader } from '../../../ui/PageHeader'
import { LoadingBlock } from '../../../ui/Spinner'
import { useCurrentMe } from '../../auth/hooks/useMe'
import { useWallets } from '../api'
import { WalletCard } from './WalletCard'

/**
 * /settings/wallets — the watch-only keys customers pay into, one card per network. `?connect=tron` (from
 * "Set up a Tron wallet first") opens that network's form.
 */
export function WalletsPage() {
  const me = useCurrentMe()
  const wallets = useWallets()
  const [search] = useSearchParams()
  const requested = search.get('connect') ?? ''
  const canManage = me.role === 'owner' || me.role === 'admin'
  const [editing, setEditing] = useState<NetworkId | null>(
    canManage && isNetworkId(requested) ? requested : null,
  )
  const [saved, setSaved] = useState<NetworkId | null>(null)

  // Bring the requested network's card into view once the cards are there.
  useEffect(() => {
    if (wallets.isSuccess && isNetworkId(requested))
      document.getElementById(`wallet-${requested}`)?.scrollIntoView?.({ block: 'center' })
  }, [wallets.isSuccess, requested])

  const connected = new Set(wallets.data?.map((w) => w.network))
  return (
    <>
      <DocumentTitle title="Wallets" />
      <PageHeader
        title="Wallets"
        description="The keys your customers pay into. Coinbook derives a separate address for each customer from a watch-only key: it never sees a private key and cannot move your funds."
      />
      {wallets.isPending ? (
        <LoadingBlock label="Loading wallets" />
      ) : wallets.isError ? (
        <ErrorAlert
          error={wallets.error}
          title="Wallets could not be loaded"
          onRetry={() => void wallets.refetch()}
        />
      ) : (
        <>
          <div className="wallets-summary">
            <ShieldIcon />
            <span>
              <strong>
                {connected.size} of {allNetworks.length} networks connected.
              </strong>{' '}
              Paste an account’s <em>extended public key</em> (xpub, ypub or zpub), never a private key or a
              recovery phrase.
              {canManage ? null : ' Only owners and admins can change wallets.'}
            </span>
          </div>
          <div className="wallet-grid">
            {allNetworks.map((network) => (
              <WalletCard
                key={network}
                network={network}
                wallet={wallets.data.find((w) => w.network === network)}
                canManage={canManage}
                editing={editing === network}
                onEdit={() => {
                  setSaved(null)
                  setEditing(network)
                }}
                onClose={() => setEditing(null)}
                justSaved={saved === network}
                onSaved={() => {
                  setEditing(null)
                  setSaved(network)
                }}
              />
            ))}
          </div>
        </>
      )}
    </>
  )
}
