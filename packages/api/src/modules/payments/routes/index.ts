import type { NetworkId } from '@coinbook/chain-watchers'
import { createRoute } from '@hono/zod-openapi'
import { NotFoundError } from '../../../errors.js'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { assertCustomer } from '../../deposit-targets/services/allocate.js'
import { refundRoutes } from '../../refunds/routes/index.js'
import { paymentDetailSchema } from '../../refunds/schema.js'
import { loadRefunds } from '../../refunds/services/present.js'
import {
  assignPaymentBody,
  listPaymentsQuery,
  paymentListSchema,
  paymentSchema,
  verifyPaymentBody,
  verifyPaymentResponse,
} from '../schema.js'
import { assignPayment } from '../services/assign.js'
import { listPayments, selectPayments } from '../services/list.js'
import { presentPayment } from '../services/present.js'
import { verifyPayment } from '../services/verify.js'

const tags = ['Payments']

const verify = createRoute({
  method: 'post',
  path: '/verify',
  tags,
  security,
  summary: 'Look a transaction up by hash and record what it pays to your customers',
  request: { body: jsonBody(verifyPaymentBody) },
  responses: {
    200: jsonResponse(verifyPaymentResponse, 'The payments in the transaction (new or already known)'),
    ...errorResponses,
    503: { ...errorResponses[404], description: 'No node is configured for the network, or none answered' },
  },
})

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  security,
  summary: 'Payments, newest first',
  request: { query: listPaymentsQuery },
  responses: { 200: jsonResponse(paymentListSchema, 'A page of payments'), ...errorResponses },
})

const getOne = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  security,
  summary: 'One payment, with its refunds',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(paymentDetailSchema, 'The payment'), ...errorResponses },
})

const assign = createRoute({
  method: 'post',
  path: '/{id}/assign',
  tags,
  security,
  summary: 'Give an unattributed payment to a customer',
  description:
    'For a payment that reached your Solana or TON wallet without a customer’s reference or comment. From then on it counts in the customer’s lifetime value and stats. Assigning it to the same customer again changes nothing.',
  request: { params: uuidParam, body: jsonBody(assignPaymentBody) },
  responses: { 200: jsonResponse(paymentSchema, 'The payment, now the customer’s'), ...errorResponses },
})

const customerPayments = createRoute({
  method: 'get',
  path: '/{id}/payments',
  tags,
  security,
  summary: 'A customer’s payments, newest first',
  request: { params: uuidParam, query: listPaymentsQuery.omit({ customerId: true }) },
  responses: { 200: jsonResponse(paymentListSchema, 'A page of payments'), ...errorResponses },
})

export const paymentRoutes = createRouter()
  .openapi(verify, async (c) => {
    const { deps, ctx } = c.var
    const { network, txHash } = c.req.valid('json')
    const found = await verifyPayment({ ctx, deps, network, txHash })
    const rows = found.length
      ? await selectPayments(ctx)
          .where(
            'p.id',
            'in',
            found.map((f) => f.id),
          )
          .orderBy('p.event_index')
          .execute()
      : []
    const created = new Map(found.map((f) => [f.id, f.created]))
    const data = rows.map((r) => ({ ...present(c.var.deps, r), created: created.get(r.id) ?? false }))
    const unattributed = data.filter((p) => p.customerId === null).length
    const detail = !data.length
      ? 'This transaction pays none of your customers’ addresses'
      : unattributed
        ? `${data.length} payment(s) in this transaction, ${unattributed} without a customer’s reference or comment: assign them to a customer`
        : `${data.length} payment(s) to your customers in this transaction`
    return c.json({ data, detail }, 200)
  })
  .openapi(list, async (c) => {
    const { rows, nextCursor } = await listPayments({ ctx: c.var.ctx, input: c.req.valid('query') })
    return c.json({ data: rows.map((r) => present(c.var.deps, r)), nextCursor }, 200)
  })
  .openapi(getOne, async (c) => {
    const { ctx, deps } = c.var
    const { id } = c.req.valid('param')
    const payment = present(deps, await getPayment(ctx, id))
    const refunds = await loadRefunds(ctx.db, ctx.merchantId, [id], deps.config.COINBOOK_NETWORK_MODE)
    return c.json({ ...payment, refunds: refunds.get(id) ?? [] }, 200)
  })
  .openapi(assign, async (c) => {
    const { id } = c.req.valid('param')
    await assignPayment({ ctx: c.var.ctx, paymentId: id, customerId: c.req.valid('json').customerId })
    return c.json(present(c.var.deps, await getPayment(c.var.ctx, id)), 200)
  })
  .route('/', refundRoutes)

/** Mounted under /customers. */
export const customerPaymentRoutes = createRouter().openapi(customerPayments, async (c) => {
  const input = { ...c.req.valid('query'), customerId: c.req.valid('param').id }
  await assertCustomer(c.var.ctx, input.customerId)
  const { rows, nextCursor } = await listPayments({ ctx: c.var.ctx, input })
  return c.json({ data: rows.map((r) => present(c.var.deps, r)), nextCursor }, 200)
})

async function getPayment(ctx: Parameters<typeof selectPayments>[0], id: string) {
  const row = await selectPayments(ctx).where('p.id', '=', id).executeTakeFirst()
  if (!row) throw new NotFoundError('Payment', id)
  return row
}

function present(
  deps: {
    config: { COINBOOK_NETWORK_MODE: 'mainnet' | 'testnet' | 'regtest' }
    chains: { requiredConfirmations(n: NetworkId): number }
  },
  row: Parameters<typeof presentPayment>[0],
) {
  return presentPayment(row, {
    mode: deps.config.COINBOOK_NETWORK_MODE,
    required: deps.chains.requiredConfirmations(row.network as NetworkId),
  })
}
