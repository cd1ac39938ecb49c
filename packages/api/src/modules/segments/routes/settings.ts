import { createRoute } from '@hono/zod-openapi'
import { requireRole } from '../../../http/middleware/auth.js'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import {
  loadSegmentSettings,
  segmentSettingsResponse,
  updateSegmentSettings,
  updateSegmentSettingsBody,
} from '../settings.js'

const getRoute = createRoute({
  method: 'get',
  path: '/settings',
  tags: ['Segments'],
  security,
  summary: 'The built-in segments’ thresholds and the merchant’s country',
  responses: { 200: jsonResponse(segmentSettingsResponse, 'The settings'), ...errorResponses },
})

const patchRoute = createRoute({
  method: 'patch',
  path: '/settings',
  tags: ['Segments'],
  security,
  middleware: requireRole('owner', 'admin'),
  summary: 'Tune the built-in segments’ thresholds or set the merchant’s country',
  request: { body: jsonBody(updateSegmentSettingsBody) },
  responses: { 200: jsonResponse(segmentSettingsResponse, 'The settings'), ...errorResponses },
})

export const segmentSettingsRoutes = createRouter()
  .openapi(getRoute, async (c) => c.json(await loadSegmentSettings(c.var.ctx.db, c.var.ctx.merchantId), 200))
  .openapi(patchRoute, async (c) =>
    c.json(await updateSegmentSettings(c.var.ctx.db, c.var.ctx.merchantId, c.req.valid('json')), 200),
  )
