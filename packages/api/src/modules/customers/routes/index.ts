import { createRouter } from '../../../http/router.js'

// Placeholder while the customer routes are written.
export const customerRoutes = createRouter()
