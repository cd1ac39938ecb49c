import { createRoute, z } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, jsonResponse, problemSchema, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { avatarSchema } from '../schema.js'
import { deleteAvatar, getAvatar, putAvatar } from '../services/avatar.js'

const tags = ['Customers']
const image = { schema: z.string().openapi({ format: 'binary' }) }
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
})

const put = createRoute({
  method: 'put',
  path: '/{id}/avatar',
  tags,
  security,
  summary: 'Upload a customer’s avatar',
  description: 'The image’s bytes as the body: PNG, JPEG, WebP or GIF (told from the bytes), at most 1 MiB.',
  request: {
    params: uuidParam,
    body: {
      required: true,
      content: { 'image/png': image, 'image/jpeg': image, 'image/webp': image, 'image/gif': image },
    },
  },
  responses: {
    200: jsonResponse(avatarSchema, 'The avatar'),
    ...errorResponses,
    413: problem('Larger than 1 MiB'),
    415: problem('Not a PNG, JPEG, WebP or GIF image'),
  },
})

const get = createRoute({
  method: 'get',
  path: '/{id}/avatar',
  tags,
  security,
  summary: 'A customer’s avatar image',
  request: { params: uuidParam },
  responses: {
    200: { description: 'The image', content: { 'image/png': image, 'image/jpeg': image } },
    ...errorResponses,
  },
})

const del = createRoute({
  method: 'delete',
  path: '/{id}/avatar',
  tags,
  security,
  summary: 'Remove a customer’s avatar (the profile shows initials)',
  request: { params: uuidParam },
  responses: { 204: { description: 'Removed' }, ...errorResponses },
})

export const avatarRoutes = createRouter()
  .openapi(put, async (c) => {
    const bytes = new Uint8Array(await c.req.arrayBuffer())
    return c.json(
      await putAvatar({ ctx: c.var.ctx, input: { customerId: c.req.valid('param').id, bytes } }),
      200,
    )
  })
  .openapi(get, async (c) => {
    const row = await getAvatar({ ctx: c.var.ctx, customerId: c.req.valid('param').id })
    // Served as the sniffed image type only, never sniffed again by the browser, never run as a document.
    return c.body(row.data as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': row.content_type,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Content-Disposition': 'inline; filename="avatar"',
      'Cache-Control': 'private, max-age=86400',
      'Cross-Origin-Resource-Policy': 'same-origin',
    })
  })
  .openapi(del, async (c) => {
    await deleteAvatar({ ctx: c.var.ctx, customerId: c.req.valid('param').id })
    return c.body(null, 204)
  })
