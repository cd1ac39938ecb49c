import { createRouter } from '../../../http/router.js'
import { createImportRoute } from './create.js'
import { getImportRoutes } from './get.js'
import { runImportRoute } from './run.js'
import { importTemplateRoute } from './template.js'

/** Mounted under /customers, before the customer routes (whose /{id} would take "import"). */
export const importRoutes = createRouter()
  .route('/', importTemplateRoute)
  .route('/', createImportRoute)
  .route('/', getImportRoutes)
  .route('/', runImportRoute)
