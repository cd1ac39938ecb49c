import { createRouter } from '../../../http/router.js'
import { getPaymentMethodsRoute } from './get.js'
import { refundAddressRoutes } from './refund-addresses.js'
import { payerWalletRoutes } from './wallets.js'

/** /customers/{id}/payment-methods, /wallets and /refund-addresses. */
export const paymentMethodRoutes = createRouter()
  .route('/', getPaymentMethodsRoute)
  .route('/', payerWalletRoutes)
  .route('/', refundAddressRoutes)
