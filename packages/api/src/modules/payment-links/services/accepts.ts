import { type NetworkMode, networks } from '@coinbook/chain-watchers/registry'
import type { Executor } from '../../../context.js'
import { ConflictError, ValidationError } from '../../../errors.js'
import { type Coin, configuredCoins } from '../../invoices/services/billing.js'

/** The coins a link accepts: those asked for (each one the merchant receives), else all it receives. */
export async function linkAccepts(
  db: Executor,
  merchantId: string,
  mode: NetworkMode,
  asked: readonly Coin[] | undefined,
): Promise<Coin[]> {
  const configured = await configuredCoins(db, merchantId, mode)
  if (!asked) {
    if (configured.length === 0)
      throw new ConflictError('Set up a receiving wallet first: this link would accept no coin', {
        missing: 'wallet',
      })
    return configured
  }
  const receivable = new Set(configured.map((c) => `${c.asset}/${c.network}`))
  const errors = asked.flatMap((c, i) =>
    receivable.has(`${c.asset}/${c.network}`)
      ? []
      : [
          {
            path: `accepts.${i}`,
            message: `you have no ${networks[c.network].name} wallet set up, so ${c.asset} on ${c.network} cannot be received`,
          },
        ],
  )
  if (asked.length === 0) errors.push({ path: 'accepts', message: 'must list at least one coin' })
  if (errors.length) throw new ValidationError('The link accepts coins you cannot receive yet', errors)
  return asked.map((c) => ({ asset: c.asset, network: c.network }))
}
