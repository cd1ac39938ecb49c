import { fileTypeFromBuffer } from 'file-type'
import { sql } from 'kysely'
import type { ServiceContext } from '../../../context.js'
import type { CustomerAvatarsTable } from '../../../db/database.js'
import { inTransaction } from '../../../db/transaction.js'
import { CoinbookError, NotFoundError, ValidationError } from '../../../errors.js'
import { recordCustomerAudit } from '../../customers/services/audit.js'
import { assertCustomer } from '../../deposit-targets/services/allocate.js'

/** 1 MiB: the request body limit of the API, so an avatar never needs a route of its own limit. */
export const AVATAR_MAX_BYTES = 1024 * 1024

type AvatarType = CustomerAvatarsTable['content_type']
const ALLOWED: readonly AvatarType[] = ['image/png', 'image/jpeg', 'image/webp', 'image/gif']

export interface AvatarDto {
  url: string
  contentType: AvatarType
  size: number
  updatedAt: string
}

export const avatarUrl = (customerId: string, updatedAt: Date) =>
  `/api/v1/customers/${customerId}/avatar?v=${updatedAt.getTime()}`

/**
 * The image's type from its bytes (never the name or the declared type): PNG, JPEG, WebP or GIF. SVG and
 * everything else is a 415, so nothing a browser would run as a document is ever served back.
 */
export async function sniffAvatar(bytes: Uint8Array): Promise<AvatarType> {
  if (bytes.length === 0) {
    throw new ValidationError('The avatar is empty', [{ path: 'body', message: 'send the image’s bytes' }])
  }
  if (bytes.length > AVATAR_MAX_BYTES) {
    throw new CoinbookError(
      'payload_too_large',
      `An avatar may be at most 1 MiB; this one is ${bytes.length} bytes`,
    )
  }
  const found = await fileTypeFromBuffer(bytes)
  const type = ALLOWED.find((t) => t === found?.mime)
  if (!type) {
    throw new CoinbookError(
      'unsupported_media_type',
      `An avatar must be a PNG, JPEG, WebP or GIF image; this is ${found ? found.mime : 'not an image we recognise'}`,
    )
  }
  return type
}

/** PUT /customers/{id}/avatar: stores (or replaces) a live customer's avatar. */
export async function putAvatar({
  ctx,
  input,
}: {
  ctx: ServiceContext
  input: { customerId: string; bytes: Uint8Array }
}): Promise<AvatarDto> {
  const type = await sniffAvatar(input.bytes)
  return inTransaction(ctx.db, async (trx) => {
    const tx = { ...ctx, db: trx }
    await assertCustomer(tx, input.customerId)
    const row = await trx
      .insertInto('customer_avatars')
      .values({
        customer_id: input.customerId,
        merchant_id: ctx.merchantId,
        content_type: type,
        size: input.bytes.length,
        data: input.bytes,
      })
      .onConflict((oc) =>
        oc.column('customer_id').doUpdateSet({
          content_type: type,
          size: input.bytes.length,
          data: input.bytes,
          updated_at: sql`now()`,
        }),
      )
      .returning(['updated_at'])
      .executeTakeFirstOrThrow()
    await recordCustomerAudit(trx, ctx, {
      action: 'customer.avatar_set',
      customerId: input.customerId,
      data: { contentType: type, size: input.bytes.length },
    })
    return {
      url: avatarUrl(input.customerId, row.updated_at),
      contentType: type,
      size: input.bytes.length,
      updatedAt: row.updated_at.toISOString(),
    }
  })
}

/** GET /customers/{id}/avatar: the bytes and their type; a customer without one is a 404. */
export async function getAvatar({ ctx, customerId }: { ctx: ServiceContext; customerId: string }) {
  const row = await ctx.db
    .selectFrom('customer_avatars as a')
    .innerJoin('customers as c', 'c.id', 'a.customer_id')
    .select(['a.content_type', 'a.data', 'a.updated_at'])
    .where('a.merchant_id', '=', ctx.merchantId)
    .where('a.customer_id', '=', customerId)
    .where('c.deleted_at', 'is', null)
    .executeTakeFirst()
  if (!row) throw new NotFoundError('Avatar')
  return row
}

/** The avatar a profile shows, or null (the dashboard draws initials). */
export async function loadAvatar(ctx: Pick<ServiceContext, 'db' | 'merchantId'>, customerId: string) {
  const row = await ctx.db
    .selectFrom('customer_avatars')
    .select(['content_type', 'size', 'updated_at'])
    .where('merchant_id', '=', ctx.merchantId)
    .where('customer_id', '=', customerId)
    .executeTakeFirst()
  return row
    ? {
        url: avatarUrl(customerId, row.updated_at),
        contentType: row.content_type,
        size: row.size,
        updatedAt: row.updated_at.toISOString(),
      }
    : null
}

/** DELETE /customers/{id}/avatar: back to initials. */
export async function deleteAvatar({ ctx, customerId }: { ctx: ServiceContext; customerId: string }) {
  await inTransaction(ctx.db, async (trx) => {
    await assertCustomer({ ...ctx, db: trx }, customerId)
    const gone = await trx
      .deleteFrom('customer_avatars')
      .where('merchant_id', '=', ctx.merchantId)
      .where('customer_id', '=', customerId)
      .executeTakeFirst()
    if (Number(gone.numDeletedRows) === 0) throw new NotFoundError('Avatar')
    await recordCustomerAudit(trx, ctx, { action: 'customer.avatar_removed', customerId })
  })
}
