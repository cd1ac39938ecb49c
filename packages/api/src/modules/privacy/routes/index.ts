import { createRouter } from '../../../http/router.js'
import { eraseCustomerRoute } from './erase.js'
import { privacyExportRoute } from './export.js'

/** /customers/{id}/privacy-export and /erase. */
export const customerPrivacyRoutes = createRouter()
  .route('/', privacyExportRoute)
  .route('/', eraseCustomerRoute)
