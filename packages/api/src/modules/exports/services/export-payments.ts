import type { NetworkId, NetworkMode } from '@coinbook/chain-watchers'
import type { ServiceContext } from '../../../context.js'
import type { ListPaymentsInput } from '../../payments/schema.js'
import { filterPayments, selectPayments } from '../../payments/services/list.js'
import { presentPayment } from '../../payments/services/present.js'
import { EXPORT_BATCH, type ExportFormat, streamFile } from './stream-file.js'

type PaymentRow = Awaited<ReturnType<ReturnType<typeof selectPayments>['execute']>>[number]

export type PaymentExportFilters = Omit<ListPaymentsInput, 'limit' | 'cursor'>

/** The payments the list's filters match, newest first, in keyset batches on the id (payments_merchant_idx). */
async function* paymentBatches(
  ctx: ServiceContext,
  filters: PaymentExportFilters,
): AsyncGenerator<PaymentRow[]> {
  let after: string | undefined
  for (;;) {
    const rows = await filterPayments(selectPayments(ctx), filters)
      .$if(after !== undefined, (q) => q.where('p.id', '<', after as string))
      .orderBy('p.id', 'desc')
      .limit(EXPORT_BATCH)
      .execute()
    if (rows.length) yield rows
    if (rows.length < EXPORT_BATCH) return
    after = rows.at(-1)?.id
  }
}

export const paymentHeader = [
  'ID',
  'Detected At',
  'Customer',
  'Customer ID',
  'Network',
  'Asset',
  'Amount',
  'Amount (base units)',
  'Fiat Currency',
  'Fiat Value',
  'Rate',
  'Status',
  'Confirmations',
  'Required Confirmations',
  'Tx Hash',
  'Event Index',
  'From',
  'To',
  'Block Number',
  'Block Time',
  'Confirmed At',
  'Explorer URL',
  'Refunded',
  'Refunded Fiat Value',
]

/** GET /payments/export.csv: the payments the list's filters match, as CSV or JSON Lines (the API's Payment). */
export function exportPayments({
  ctx,
  input,
  present,
}: {
  ctx: ServiceContext
  input: PaymentExportFilters & { format: ExportFormat }
  present: { mode: NetworkMode; requiredConfirmations(n: NetworkId): number }
}): ReadableStream<Uint8Array> {
  const { format, ...filters } = input
  const dto = (r: PaymentRow) =>
    presentPayment(r, { mode: present.mode, required: present.requiredConfirmations(r.network as NetworkId) })
  return streamFile({
    format,
    header: paymentHeader,
    batches: paymentBatches(ctx, filters),
    toCells: (r) => {
      const p = dto(r)
      return [
        p.id,
        p.detectedAt,
        p.customerName,
        p.customerId,
        p.network,
        p.asset,
        p.amount,
        p.amountBaseUnits,
        p.fiatCurrency,
        p.fiatValue,
        p.rate,
        p.status,
        String(p.confirmations),
        String(p.requiredConfirmations),
        p.txHash,
        String(p.eventIndex),
        p.from,
        p.to,
        p.blockNumber === null ? null : String(p.blockNumber),
        p.blockTime,
        p.confirmedAt,
        p.explorerUrl,
        p.refundedAmount,
        p.refundedFiatValue,
      ]
    },
    toJson: (rows) => rows.map(dto),
  })
}
