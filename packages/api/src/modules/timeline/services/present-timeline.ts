import type { ServiceContext } from '../../../context.js'
import type { TimelineActor, TimelineItem, TimelineKind } from '../schema.js'

/** One row of the timeline query: an event, a message, or a customer an import created. */
export interface TimelineRow {
  id: string
  type: string
  at: Date
  at_key: string
  kind: TimelineKind
  data: Record<string, unknown>
  actor_type: string | null
  actor_id: string | null
}

type Names = Map<string, string | null>
type Obj = Record<string, unknown>

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {})

/** Who acted: the event's own actor (it says "via portal"), else its audit entry's; none for the chain. */
function actorOf(
  row: TimelineRow,
): { type: TimelineActor['type']; id: string | null; via: 'portal' | null } | null {
  if (row.type === 'customer.created' && row.data.source === 'import' && !row.actor_type) {
    return { type: 'import', id: null, via: null }
  }
  const own = obj(row.data.actor)
  const type = str(own.type) ?? row.actor_type
  if (!type) return null
  const known = ['user', 'api_key', 'customer', 'system'] as const
  const t = known.find((k) => k === type)
  if (!t) return null
  return {
    type: t,
    id: str(own.type) ? str(own.id) : row.actor_id,
    via: own.via === 'portal' || t === 'customer' ? 'portal' : null,
  }
}

/** The names of the members and API keys a page's items were done by, in two queries scoped to the merchant. */
export async function resolveActors(
  ctx: ServiceContext,
  rows: readonly TimelineRow[],
  customer: { id: string; name: string },
): Promise<Names> {
  const users = new Set<string>()
  const keys = new Set<string>()
  for (const row of rows) {
    const a = actorOf(row)
    if (a?.id && a.type === 'user') users.add(a.id)
    if (a?.id && a.type === 'api_key') keys.add(a.id)
  }
  const names: Names = new Map([[customer.id, customer.name]])
  if (users.size > 0) {
    const found = await ctx.db
      .selectFrom('users')
      .select(['id', 'name', 'email'])
      .where('merchant_id', '=', ctx.merchantId)
      .where('id', 'in', [...users])
      .execute()
    for (const u of found) names.set(u.id, u.name ?? u.email)
  }
  if (keys.size > 0) {
    const found = await ctx.db
      .selectFrom('api_keys')
      .select(['id', 'name'])
      .where('merchant_id', '=', ctx.merchantId)
      .where('id', 'in', [...keys])
      .execute()
    for (const k of found) names.set(k.id, k.name)
  }
  return names
}

const EVENT_VERBS: Record<string, string> = {
  'payment.detected': 'Payment detected',
  'payment.confirmed': 'Payment confirmed',
  'payment.reorged': 'Payment reorged out of the chain',
  'payment.failed': 'Payment failed',
  'payment.refunded': 'Payment refunded',
  'invoice.created': 'created',
  'invoice.sent': 'sent',
  'invoice.partially_paid': 'partially paid',
  'invoice.paid': 'paid',
  'invoice.overpaid': 'overpaid',
  'invoice.overdue': 'overdue',
  'invoice.voided': 'voided',
}

/** A field's words for a title: "paymentLimits" → "payment limits", with the initialisms kept. */
const FIELD_WORDS: Record<string, string> = {
  customId: 'custom ID',
  taxId: 'tax ID',
  vatNumber: 'VAT number',
  paymentTermsDays: 'payment terms',
}
const fieldWords = (field: string) =>
  FIELD_WORDS[field] ?? field.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)

function changesOf(data: Obj): { field: string; from: unknown; to: unknown }[] {
  const previous = obj(data.previousAttributes)
  const now = obj(data.object)
  return Object.keys(previous).map((field) => ({
    field,
    from: previous[field] ?? null,
    to: now[field] ?? null,
  }))
}

/** A row as the API shows it: a title a person reads, and the few fields of what it is about. */
export function presentTimelineRow(row: TimelineRow, names: Names): TimelineItem {
  const a = actorOf(row)
  const item: TimelineItem = {
    id: row.id,
    kind: row.kind,
    type: row.type,
    at: row.at.toISOString(),
    title: '',
    actor: a ? { ...a, name: a.id ? (names.get(a.id) ?? null) : null } : null,
    payment: null,
    invoice: null,
    message: null,
    changes: null,
    mergedCustomerId: null,
  }
  const o = obj(row.data.object)
  switch (row.kind) {
    case 'payment': {
      const refund = obj(row.data.refund)
      item.payment = {
        id: str(o.id) ?? '',
        amount: str(o.amount) ?? '0',
        asset: str(o.asset) ?? '',
        network: str(o.network) ?? '',
        txHash: str(o.txHash) ?? '',
        status: str(o.status) ?? '',
        fiatValue: str(o.fiatValue),
        fiatCurrency: str(o.fiatCurrency)?.trim() ?? null,
        refundAmount: str(refund.amount),
      }
      const amount =
        row.type === 'payment.refunded'
          ? (item.payment.refundAmount ?? item.payment.amount)
          : item.payment.amount
      item.title = `${EVENT_VERBS[row.type] ?? row.type}: ${amount} ${item.payment.asset}`
      break
    }
    case 'invoice':
      item.invoice = {
        id: str(o.id) ?? '',
        number: str(o.number) ?? '',
        status: str(o.status) ?? '',
        currency: str(o.currency)?.trim() ?? '',
        total: str(o.total) ?? '0',
        amountPaid: str(o.amountPaid) ?? '0',
        dueDate: str(o.dueDate) ?? '',
      }
      item.title = `Invoice ${item.invoice.number} ${EVENT_VERBS[row.type] ?? row.type}`
      break
    case 'message': {
      const status = row.data.status === 'failed' ? 'failed' : 'sent'
      item.message = {
        id: row.id,
        kind: str(row.data.kind) ?? '',
        subject: str(row.data.subject) ?? '',
        to: str(row.data.to),
        status,
        error: str(row.data.error),
      }
      item.title = `${status === 'sent' ? 'Email sent' : 'Email failed'}: ${item.message.subject}`
      break
    }
    case 'merge':
      item.mergedCustomerId = str(row.data.mergedCustomerId)
      item.title = 'Merged a duplicate into this customer'
      break
    case 'note': {
      item.changes = changesOf(row.data)
      const [note] = item.changes
      item.title = !note?.from ? 'Note added' : !note.to ? 'Note removed' : 'Note edited'
      break
    }
    default:
      if (row.type === 'customer.created') {
        item.title = a?.type === 'import' ? 'Customer imported' : 'Customer created'
      } else {
        item.changes = changesOf(row.data)
        item.title = `Profile changed: ${item.changes.map((c) => fieldWords(c.field)).join(', ')}`
      }
  }
  return item
}
