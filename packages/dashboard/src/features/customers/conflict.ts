import { ApiProblem } from '../../api/problem'

export interface ExistingCustomerRef {
  id: string
  name: string | null
  email: string | null
  /** The unique field both share: "email" or "customId". */
  field: string
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : null)

/**
 * The customer a 409 names (same email or custom id). The API sends `field`, `existingCustomerId` and
 * `existingCustomerName` as extension members; a nested `existingCustomer` object is read too.
 */
export function existingCustomerFrom(error: unknown): ExistingCustomerRef | null {
  if (!(error instanceof ApiProblem) || error.status !== 409) return null
  const p = error.problem as Record<string, unknown>
  const field = str(p.field) ?? error.fieldErrors[0]?.path ?? 'email'
  for (const key of ['existingCustomer', 'existing', 'customer', 'conflictingCustomer']) {
    const v = p[key]
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>
      const id = str(o.id)
      if (id) return { id, name: str(o.name), email: str(o.email), field }
    }
  }
  for (const key of ['existingCustomerId', 'existingId', 'customerId', 'conflictingId']) {
    const id = str(p[key])
    if (id) return { id, name: str(p.existingCustomerName) ?? str(p.name), email: str(p.email), field }
  }
  return null
}
