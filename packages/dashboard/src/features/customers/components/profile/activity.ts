import type { AuditEntry } from '../../api'

const FIELD_LABELS: Record<string, string> = {
  customId: 'custom ID',
  jobTitle: 'job title',
  billingAddress: 'billing address',
  shippingAddress: 'shipping address',
  taxId: 'tax ID',
  vatNumber: 'VAT number',
  customFields: 'custom fields',
  preferredFiat: 'preferred fiat',
  paymentTermsDays: 'payment terms',
  preferredCoins: 'preferred coins',
  paymentLimits: 'payment limits',
  registrationDate: 'registration date',
}

const fieldLabel = (f: string) => FIELD_LABELS[f] ?? f

/** The fields an update touched, from whichever shape the audit data has. */
function changedFields(data: unknown): string[] {
  if (!data || typeof data !== 'object') return []
  const d = data as Record<string, unknown>
  if (Array.isArray(d.fields)) return d.fields.filter((f): f is string => typeof f === 'string')
  for (const key of ['changes', 'changed', 'after', 'patch']) {
    const v = d[key]
    if (Array.isArray(v)) return v.filter((f): f is string => typeof f === 'string')
    if (v && typeof v === 'object') return Object.keys(v)
  }
  return []
}

function actorText(entry: AuditEntry): string {
  if (entry.actorType === 'api_key')
    return entry.actorName ? `via API key “${entry.actorName}”` : 'via an API key'
  if (entry.actorType === 'system') return 'by Coinbook'
  if (entry.actorName) return `by ${entry.actorName}`
  return entry.actorType === 'user' ? 'by your team' : ''
}

function mergedName(data: unknown): string | null {
  if (!data || typeof data !== 'object') return null
  const dup = (data as Record<string, unknown>).duplicate
  if (dup && typeof dup === 'object') {
    const name = (dup as Record<string, unknown>).name
    if (typeof name === 'string') return name
  }
  return null
}

/** A sentence for one entry of the audit log, e.g. "Updated company and tags". */
export function describeActivity(entry: AuditEntry): { title: string; detail: string } {
  const verb = entry.action.split(/[.:]/).at(-1) ?? entry.action
  const by = actorText(entry)
  let title: string
  switch (verb) {
    case 'created':
    case 'create':
      title = 'Customer created'
      break
    case 'updated':
    case 'update': {
      const fields = changedFields(entry.data).map(fieldLabel)
      title = fields.length
        ? `Updated ${fields.length > 1 ? `${fields.slice(0, -1).join(', ')} and ${fields.at(-1)}` : fields[0]}`
        : 'Details updated'
      break
    }
    case 'merged':
    case 'merge': {
      const name = mergedName(entry.data)
      title = name ? `Merged ${name} into this customer` : 'Merged with a duplicate'
      break
    }
    case 'deleted':
    case 'delete':
      title = 'Customer deleted'
      break
    default:
      title = entry.action.replace(/[._]/g, ' ')
  }
  return { title, detail: by }
}
