import type { ServiceContext } from '../../../context.js'
import { builtins } from '../builtins.js'
import { loadSegmentSettings } from '../settings.js'

/**
 * The built-in segments, with whether each can be evaluated for this merchant now (local and
 * international need the merchant's country; amount modes need their amounts).
 */
export async function listBuiltins({ ctx }: { ctx: ServiceContext }) {
  const { thresholds: t, merchantCountry } = await loadSegmentSettings(ctx.db, ctx.merchantId)
  const unavailable = (id: string): string | null => {
    if ((id === 'local' || id === 'international') && !merchantCountry) return 'Set the merchant’s country'
    if (id === 'vip' && t.vipMode === 'amount' && t.vipAmount === null) return 'Set the VIP amount'
    if (
      id.endsWith('-value') &&
      t.valueMode === 'amounts' &&
      (t.highValueMin === null || t.mediumValueMin === null)
    )
      return 'Set the high and medium value amounts'
    return null
  }
  return {
    data: Object.entries(builtins).map(([id, def]) => ({
      id,
      group: def.group,
      name: def.name,
      description: def.description,
      param: def.param
        ? { name: def.param.name, options: def.param.options ? [...def.param.options] : null }
        : null,
      available: unavailable(id) === null,
      unavailableReason: unavailable(id),
    })),
  }
}
