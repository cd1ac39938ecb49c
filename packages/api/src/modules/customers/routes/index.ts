import { createRouter } from '../../../http/router.js'
import { customerTimelineRoute } from '../../timeline/routes/get-timeline.js'
import { customerAuditRoute } from './audit.js'
import { createCustomerRoute } from './create.js'
import { deleteCustomerRoute } from './delete.js'
import { duplicatesRoute } from './duplicates.js'
import { getCustomerRoute } from './get.js'
import { listCustomersRoute } from './list.js'
import { mergeCustomerRoute } from './merge.js'
import { updateCustomerRoute } from './update.js'

/** /customers. `/duplicates` comes before `/{id}`, which would otherwise take it for an id. */
export const customerRoutes = createRouter()
  .route('/', listCustomersRoute)
  .route('/', createCustomerRoute)
  .route('/', duplicatesRoute)
  .route('/', getCustomerRoute)
  .route('/', updateCustomerRoute)
  .route('/', deleteCustomerRoute)
  .route('/', mergeCustomerRoute)
  .route('/', customerAuditRoute)
  .route('/', customerTimelineRoute)
