import { createRouter } from '../../../http/router.js'
import { chargeRoute } from './charge.js'
import { createInvoiceRoute } from './create.js'
import { customerBillingRoutes } from './customer-billing.js'
import { getInvoiceRoute } from './get.js'
import { invoiceLifecycleRoutes } from './lifecycle.js'
import { listInvoicesRoute } from './list.js'
import { quoteRoute } from './quote.js'
import { updateInvoiceRoute } from './update.js'

export { installmentPlanRoutes } from './installment-plans.js'
export { invoiceSettingsRoutes } from './settings.js'

/** Mounted under /customers: "charge now" and the customer's billing state. */
export const customerInvoiceRoutes = createRouter().route('/', chargeRoute).route('/', customerBillingRoutes)

/** /invoices. */
export const invoiceRoutes = createRouter()
  .route('/', listInvoicesRoute)
  .route('/', createInvoiceRoute)
  .route('/', getInvoiceRoute)
  .route('/', updateInvoiceRoute)
  .route('/', invoiceLifecycleRoutes)
  .route('/', quoteRoute)
