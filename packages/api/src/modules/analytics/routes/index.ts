import { createRouter } from '../../../http/router.js'
import { agingRoute } from './aging.js'
import { cohortsRoute } from './cohorts.js'
import { overviewRoute } from './overview.js'
import { revenueRoute } from './revenue.js'

/** /analytics: read-only reports, open to every role (viewers included). */
export const analyticsRoutes = createRouter()
  .route('/', overviewRoute)
  .route('/', revenueRoute)
  .route('/', cohortsRoute)
  .route('/', agingRoute)
