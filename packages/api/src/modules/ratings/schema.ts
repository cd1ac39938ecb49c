import { z } from '@hono/zod-openapi'

export const ratingBody = z
  .strictObject({
    rating: z
      .number()
      .int('must be a whole number from 1 to 5')
      .min(1, 'must be 1 to 5')
      .max(5, 'must be 1 to 5'),
    comment: z
      .string()
      .trim()
      .max(1000, 'must be at most 1000 characters')
      .refine((s) => !s.includes('\0'), 'must not contain NUL characters')
      .nullable()
      .optional(),
  })
  .openapi('RatingInput')

export const publicRatingSchema = z
  .object({ rating: z.number().int(), comment: z.string().nullable(), updatedAt: z.string() })
  .openapi('PublicRating')

export const customerRatingSchema = z
  .object({
    invoiceId: z.uuid(),
    invoiceNumber: z.string(),
    rating: z.number().int(),
    comment: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('CustomerRating')

export const customerRatingsSchema = z
  .object({
    average: z
      .string()
      .nullable()
      .openapi({ description: 'Mean of the ratings, 2 decimals; null without any' }),
    count: z.number().int(),
    data: z.array(customerRatingSchema).openapi({ description: 'Newest first' }),
  })
  .openapi('CustomerRatings')

export type RatingInput = z.infer<typeof ratingBody>
export type PublicRatingDto = z.infer<typeof publicRatingSchema>
