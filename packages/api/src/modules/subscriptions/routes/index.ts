import { createRouter } from '../../../http/router.js'
import { createSubscriptionRoute } from './create.js'
import { readSubscriptionRoutes } from './get.js'
import { subscriptionLifecycleRoutes } from './lifecycle.js'

export { planRoutes } from './plans.js'

/** /subscriptions. */
export const subscriptionRoutes = createRouter()
  .route('/', readSubscriptionRoutes)
  .route('/', createSubscriptionRoute)
  .route('/', subscriptionLifecycleRoutes)
