import { createRouter } from '../../../http/router.js'
import { avatarRoutes } from './avatar.js'
import { eraseCustomerRoute } from './erase.js'
import { privacyExportRoute } from './export.js'

/** /customers/{id}/privacy-export, /erase and /avatar. */
export const customerPrivacyRoutes = createRouter()
  .route('/', privacyExportRoute)
  .route('/', eraseCustomerRoute)
  .route('/', avatarRoutes)
