import { createRouter } from '../../../http/router.js'
import { builtinSegmentsRoute } from './builtins.js'
import { countSegmentRoute } from './count.js'
import { createSegmentRoute } from './create.js'
import { deleteSegmentRoute } from './delete.js'
import { getSegmentRoute } from './get.js'
import { listSegmentsRoute } from './list.js'
import { previewSegmentRoute } from './preview.js'
import { segmentSettingsRoutes } from './settings.js'
import { updateSegmentRoute } from './update.js'

/** /segments. The fixed paths (builtin, fields, settings, preview) come before `/{id}`. */
export const segmentRoutes = createRouter()
  .route('/', listSegmentsRoute)
  .route('/', createSegmentRoute)
  .route('/', builtinSegmentsRoute)
  .route('/', segmentSettingsRoutes)
  .route('/', previewSegmentRoute)
  .route('/', countSegmentRoute)
  .route('/', getSegmentRoute)
  .route('/', updateSegmentRoute)
  .route('/', deleteSegmentRoute)
