import { CopyButton } from '../../../ui/CopyButton'
import type { Wallet } from '../api'

export interface FirstAddressesProps {
  addresses: Wallet['firstAddresses']
}

/** The first receive addresses of a key with their paths, for the merchant to compare with their wallet app. */
export function FirstAddresses({ addresses }: FirstAddressesProps) {
  return (
    <div className="first-addresses">
      <p className="first-addresses__caption">
        Check that these match the first receive addresses in your wallet.
      </p>
      <ol className="first-addresses__list" aria-label="First receive addresses">
        {addresses.map((a) => (
          <li key={a.index} className="first-addresses__item">
            <code className="first-addresses__path">{a.path}</code>
            <code className="first-addresses__address">{a.address}</code>
            <CopyButton value={a.address} label={`Copy address ${a.index}`} iconOnly />
          </li>
        ))}
      </ol>
    </div>
  )
}
