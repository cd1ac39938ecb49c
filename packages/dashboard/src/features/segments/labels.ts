import type { BuiltinSegment } from './api'

/**
 * The display name of a built-in segment id as the API lists it: "vip" is "VIP customers", a parameterised
 * "timezone:Europe" is "Time-zone region: Europe". Undefined for an id that names no built-in.
 */
export function builtinSegmentLabel(id: string, builtins: readonly BuiltinSegment[]): string | undefined {
  const colon = id.indexOf(':')
  const base = colon === -1 ? id : id.slice(0, colon)
  const builtin = builtins.find((b) => b.id === base)
  if (!builtin) return undefined
  if (colon === -1) return builtin.param ? undefined : builtin.name
  return builtin.param ? `${builtin.name}: ${id.slice(colon + 1)}` : undefined
}
