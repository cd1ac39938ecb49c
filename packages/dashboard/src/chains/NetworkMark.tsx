import { isNetworkId, nativeAsset } from './coins'

export interface NetworkMarkProps {
  network: string
  size?: 'small' | 'medium'
}

/** A round mark in the network's colour with its coin's ticker; decorative (the name is always written). */
export function NetworkMark({ network, size = 'medium' }: NetworkMarkProps) {
  const ticker = isNetworkId(network) ? nativeAsset(network) : network.slice(0, 3).toUpperCase()
  return (
    <span className={`network-mark network-mark--${network} network-mark--${size}`} aria-hidden="true">
      {ticker}
    </span>
  )
}
