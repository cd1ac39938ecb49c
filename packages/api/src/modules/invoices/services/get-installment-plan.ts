import type { Executor } from '../../../context.js'
import { NotFoundError } from '../../../errors.js'
import { fiatDecimals } from '../../rates/index.js'
import { formatMinor, toMinor } from '../money.js'
import { amountDue } from './present.js'

const PAID = new Set(['paid', 'overpaid'])

/** One of the merchant's installment plans with each installment's state and how many are paid. */
export async function getInstallmentPlan(db: Executor, merchantId: string, id: string, today: string) {
  const plan = await db
    .selectFrom('installment_plans')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('id', '=', id)
    .executeTakeFirst()
  if (!plan) throw new NotFoundError('Installment plan', id)
  const invoices = await db
    .selectFrom('invoices')
    .select(['id', 'number', 'status', 'total', 'amount_paid', 'due_date', 'installment_index'])
    .where('merchant_id', '=', merchantId)
    .where('installment_plan_id', '=', id)
    .orderBy('installment_index')
    .execute()
  const fd = fiatDecimals(plan.currency)
  const installments = invoices.map((i) => {
    const due = amountDue(i, fd)
    return {
      index: i.installment_index ?? 0,
      invoiceId: i.id,
      number: i.number,
      status: i.status,
      total: formatMinor(toMinor(i.total, fd), fd),
      amountPaid: formatMinor(toMinor(i.amount_paid, fd), fd),
      amountDue: formatMinor(due, fd),
      dueDate: i.due_date,
      overdue: due > 0n && i.status !== 'draft' && i.due_date < today,
      due,
    }
  })
  const sum = (f: (i: (typeof invoices)[number]) => bigint) => invoices.reduce((s, i) => s + f(i), 0n)
  return {
    id: plan.id,
    customerId: plan.customer_id,
    currency: plan.currency,
    subtotal: formatMinor(toMinor(plan.subtotal, fd), fd),
    taxTotal: formatMinor(toMinor(plan.tax_total, fd), fd),
    total: formatMinor(toMinor(plan.total, fd), fd),
    count: plan.count,
    interval: plan.interval,
    firstDueDate: plan.first_due_date,
    paidCount: invoices.filter((i) => PAID.has(i.status)).length,
    amountPaid: formatMinor(
      sum((i) => toMinor(i.amount_paid, fd)),
      fd,
    ),
    amountDue: formatMinor(
      installments.reduce((s, i) => s + i.due, 0n),
      fd,
    ),
    installments: installments.map(({ due: _, ...i }) => i),
    createdAt: plan.created_at.toISOString(),
  }
}

/** The installment an invoice is, for its detail: its plan, position and how many of the plan are paid. */
export async function installmentOf(
  db: Executor,
  invoice: { installment_plan_id: string | null; installment_index: number | null },
) {
  if (!invoice.installment_plan_id || invoice.installment_index === null) return null
  const row = await db
    .selectFrom('installment_plans as p')
    .select([
      'p.count',
      (eb) =>
        eb
          .selectFrom('invoices as i')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('i.installment_plan_id', '=', 'p.id')
          .where('i.status', 'in', ['paid', 'overpaid'])
          .as('paid'),
    ])
    .where('p.id', '=', invoice.installment_plan_id)
    .executeTakeFirstOrThrow()
  return {
    planId: invoice.installment_plan_id,
    index: invoice.installment_index,
    count: row.count,
    paidCount: Number(row.paid ?? 0),
  }
}
