import type { NetworkId, NetworkMode } from '@coinbook/chain-watchers'
import type { Transaction } from 'kysely'
import type { Clock } from '../../../clock.js'
import type { Actor, Executor, ServiceContext } from '../../../context.js'
import type { Database } from '../../../db/database.js'
import { inTransaction } from '../../../db/transaction.js'
import { ForbiddenError, ValidationError } from '../../../errors.js'
import { loadLiveCustomer } from '../../customers/services/live-customers.js'
import { eventActor, updateCustomer } from '../../customers/services/update-customer.js'
import { recordEvent } from '../../events/services/record-event.js'
import { isTransactional, MESSAGE_KINDS, type MessageKind } from '../../messages/kinds.js'
import { queueMessage } from '../../messages/services/queue-message.js'
import { presentRefundAddress } from '../../payment-methods/services/present.js'
import { putRefundAddress } from '../../payment-methods/services/put-refund-address.js'
import { removeRefundAddress } from '../../payment-methods/services/remove-refund-address.js'
import type { PortalProfileInput } from '../schema.js'
import { loadPortalSettings, type PortalSettings } from './settings.js'
import type { PortalCaller } from './sign-in.js'

/** The customer acting on their own account in the portal: what audit entries and events name. */
export function portalContext(db: Executor, caller: PortalCaller): ServiceContext {
  const actor: Actor = { type: 'system', id: caller.customerId, role: 'viewer', via: 'portal' }
  return { db, merchantId: caller.merchantId, actor }
}

const FIELD_LABELS: Record<string, string> = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  company: 'company',
  billingAddress: 'billing address',
  preferredCoins: 'preferred coins',
  refundAddresses: 'refund addresses',
  messagePreferences: 'message preferences',
}

const SETTING_OF: Record<keyof PortalProfileInput, keyof PortalSettings['editable']> = {
  name: 'contact',
  email: 'contact',
  phone: 'contact',
  company: 'contact',
  billingAddress: 'billingAddress',
  preferredCoins: 'preferredCoins',
}

function assertEditable(settings: PortalSettings, setting: keyof PortalSettings['editable'], path: string) {
  if (!settings.editable[setting])
    throw new ForbiddenError(`The merchant does not let customers change ${FIELD_LABELS[path] ?? path} here`)
}

/** The "account updated" email, to the address the customer has now (and the old one when it changed). */
async function notify(
  trx: Transaction<Database>,
  caller: PortalCaller,
  fields: string[],
  oldEmail?: string | null,
) {
  if (fields.length === 0) return
  const changes = fields.map((f) => FIELD_LABELS[f] ?? f).join(', ')
  const base = {
    merchantId: caller.merchantId,
    customerId: caller.customerId,
    kind: 'account_updated' as const,
  }
  await queueMessage(trx, { ...base, variables: { changes } })
  if (oldEmail) await queueMessage(trx, { ...base, to: oldEmail, variables: { changes } })
}

/** Writes the profile fields the merchant lets customers edit, through the same service the dashboard uses. */
async function writeProfile(
  trx: Transaction<Database>,
  caller: PortalCaller,
  input: PortalProfileInput,
): Promise<{ fields: string[]; oldEmail: string | null }> {
  const before = await loadLiveCustomer(trx, caller.merchantId, caller.customerId)
  const after = await updateCustomer({
    ctx: portalContext(trx, caller),
    input: { id: caller.customerId, changes: input },
  })
  const fields = Object.keys(input).filter(
    (k) =>
      JSON.stringify(before[k as keyof typeof before]) !== JSON.stringify(after[k as keyof typeof after]),
  )
  const oldEmail = fields.includes('email') ? before.email : null
  return { fields, oldEmail }
}

export async function updatePortalProfile(db: Executor, caller: PortalCaller, input: PortalProfileInput) {
  const settings = await loadPortalSettings(db, caller.merchantId)
  for (const key of Object.keys(input) as (keyof PortalProfileInput)[])
    assertEditable(settings, SETTING_OF[key], key)
  await inTransaction(db, async (trx) => {
    const { fields, oldEmail } = await writeProfile(trx, caller, input)
    await notify(trx, caller, fields, oldEmail)
  })
}

/** customer.updated for a change the customer DTO does not carry (refund addresses, message preferences). */
async function recordPortalChange(
  trx: Transaction<Database>,
  caller: PortalCaller,
  attribute: string,
  from: unknown,
  to: unknown,
) {
  const ctx = portalContext(trx, caller)
  await recordEvent(trx, {
    merchantId: caller.merchantId,
    type: 'customer.updated',
    subjectId: caller.customerId,
    data: {
      object: await loadLiveCustomer(trx, caller.merchantId, caller.customerId),
      previousAttributes: { [attribute]: from },
      changes: { [attribute]: { from, to } },
      actor: eventActor(ctx.actor),
    },
  })
}

async function refundAddressOf(db: Executor, caller: PortalCaller, network: string) {
  const row = await db
    .selectFrom('refund_addresses')
    .selectAll()
    .where('merchant_id', '=', caller.merchantId)
    .where('customer_id', '=', caller.customerId)
    .where('network', '=', network)
    .executeTakeFirst()
  return row ? presentRefundAddress(row) : null
}

async function writeRefundAddress(
  trx: Transaction<Database>,
  caller: PortalCaller,
  network: NetworkId,
  input: { address: string; memo?: string | null | undefined },
  mode: NetworkMode,
) {
  const before = await refundAddressOf(trx, caller, network)
  const saved = await putRefundAddress({
    ctx: portalContext(trx, caller),
    customerId: caller.customerId,
    network,
    input,
    mode,
  })
  const changed = !before || before.address !== saved.address || before.memo !== saved.memo
  if (changed)
    await recordPortalChange(
      trx,
      caller,
      'refundAddresses',
      { [network]: before ? { address: before.address, memo: before.memo } : null },
      { [network]: { address: saved.address, memo: saved.memo } },
    )
  return { saved, changed }
}

export async function putPortalRefundAddress(
  db: Executor,
  caller: PortalCaller,
  network: NetworkId,
  input: { address: string; memo?: string | null | undefined },
  mode: NetworkMode,
) {
  assertEditable(await loadPortalSettings(db, caller.merchantId), 'refundAddresses', 'refundAddresses')
  return inTransaction(db, async (trx) => {
    const { saved, changed } = await writeRefundAddress(trx, caller, network, input, mode)
    if (changed) await notify(trx, caller, ['refundAddresses'])
    return saved
  })
}

export async function removePortalRefundAddress(db: Executor, caller: PortalCaller, network: NetworkId) {
  assertEditable(await loadPortalSettings(db, caller.merchantId), 'refundAddresses', 'refundAddresses')
  await inTransaction(db, async (trx) => {
    const before = await refundAddressOf(trx, caller, network)
    await removeRefundAddress({ ctx: portalContext(trx, caller), customerId: caller.customerId, network })
    await recordPortalChange(trx, caller, 'refundAddresses', { [network]: before }, { [network]: null })
    await notify(trx, caller, ['refundAddresses'])
  })
}

export async function listPortalRefundAddresses(db: Executor, caller: PortalCaller) {
  const rows = await db
    .selectFrom('refund_addresses')
    .selectAll()
    .where('merchant_id', '=', caller.merchantId)
    .where('customer_id', '=', caller.customerId)
    .orderBy('network')
    .execute()
  return rows.map(presentRefundAddress)
}

/** The kinds a customer may turn off: everything but transactional mail. */
const OPTIONAL_KINDS = MESSAGE_KINDS.filter((k) => !isTransactional(k) && k !== 'webhook_endpoint_disabled')

const KIND_LABELS: Partial<Record<MessageKind, string>> = {
  welcome: 'Welcome email',
  reminder_before_due: 'Reminder before an invoice is due',
  reminder_due: 'Reminder on the due date',
  reminder_overdue_1: 'First overdue reminder',
  reminder_overdue_2: 'Second overdue reminder',
  reminder_final: 'Final notice',
  subscription_renewal_upcoming: 'Upcoming subscription renewal',
  subscription_past_due: 'Subscription past due',
  subscription_canceled: 'Subscription canceled',
  announcement: 'News and announcements',
}

export async function getMessagePreferences(db: Executor, caller: PortalCaller) {
  const out = await db
    .selectFrom('message_opt_outs')
    .select('kind')
    .where('merchant_id', '=', caller.merchantId)
    .where('customer_id', '=', caller.customerId)
    .execute()
  const off = new Set(out.map((o) => o.kind))
  return OPTIONAL_KINDS.map((kind) => ({
    kind,
    label: KIND_LABELS[kind] ?? kind.replace(/_/g, ' '),
    subscribed: !off.has(kind),
  }))
}

export async function putMessagePreferences(
  db: Executor,
  caller: PortalCaller,
  input: { unsubscribed: string[] },
) {
  assertEditable(await loadPortalSettings(db, caller.merchantId), 'messagePreferences', 'messagePreferences')
  const unknown = input.unsubscribed.filter((k) => !(OPTIONAL_KINDS as readonly string[]).includes(k))
  if (unknown.length > 0)
    throw new ValidationError(
      'Only optional emails can be turned off',
      unknown.map((k) => ({
        path: `unsubscribed.${input.unsubscribed.indexOf(k)}`,
        message: `${k} cannot be turned off`,
      })),
    )
  return inTransaction(db, async (trx) => {
    const before = (await getMessagePreferences(trx, caller)).filter((p) => !p.subscribed).map((p) => p.kind)
    const next = [...new Set(input.unsubscribed)].sort()
    if (JSON.stringify([...before].sort()) !== JSON.stringify(next)) {
      await trx
        .deleteFrom('message_opt_outs')
        .where('merchant_id', '=', caller.merchantId)
        .where('customer_id', '=', caller.customerId)
        .execute()
      if (next.length > 0)
        await trx
          .insertInto('message_opt_outs')
          .values(
            next.map((kind) => ({ customer_id: caller.customerId, merchant_id: caller.merchantId, kind })),
          )
          .execute()
      await recordPortalChange(
        trx,
        caller,
        'messagePreferences',
        { unsubscribed: before },
        { unsubscribed: next },
      )
      await notify(trx, caller, ['messagePreferences'])
    }
    return getMessagePreferences(trx, caller)
  })
}

/**
 * The answer to "request payment details": preferred coins and a refund address, saved together; the
 * request is marked answered. The merchant asked for exactly these, so the portal's editable switches for
 * them do not apply here.
 */
export async function answerPaymentDetails(
  db: Executor,
  clock: Clock,
  caller: PortalCaller,
  input: {
    preferredCoins: { asset: string; network: string }[]
    refundAddress: { network: NetworkId; address: string; memo?: string | null | undefined }
  },
  mode: NetworkMode,
) {
  await inTransaction(db, async (trx) => {
    const { fields } = await writeProfile(trx, caller, {
      preferredCoins: input.preferredCoins as PortalProfileInput['preferredCoins'],
    })
    const { network, ...address } = input.refundAddress
    const { changed } = await writeRefundAddress(trx, caller, network, address, mode)
    // Answered without a request (the customer came by themselves): saved all the same, nothing to mark.
    await trx
      .updateTable('payment_details_requests')
      .set({ answered_at: clock.now() })
      .where('merchant_id', '=', caller.merchantId)
      .where('customer_id', '=', caller.customerId)
      .execute()
    await notify(trx, caller, [...fields, ...(changed ? ['refundAddresses'] : [])])
  })
}
