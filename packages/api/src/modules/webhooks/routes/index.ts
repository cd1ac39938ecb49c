import { createRouter } from '../../../http/router.js'
import { endpointActionRoutes } from './actions.js'
import { deliveryRoutes } from './deliveries.js'
import { endpointRoutes } from './endpoints.js'

/** /webhook-endpoints: endpoints, their secrets, tests, delivery logs and replays. */
export const webhookEndpointRoutes = createRouter()
  .route('/', endpointRoutes)
  .route('/', endpointActionRoutes)
  .route('/', deliveryRoutes)
