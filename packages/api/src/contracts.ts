/**
 * The API's request and response types, for clients such as the dashboard. Type-only: importing this
 * module pulls no server code into a bundle.
 */
import type { z } from 'zod'
import type { apiKeySchema, createApiKeyBody, createdApiKeySchema } from './modules/api-keys/schema.js'
import type { loginBody, meResponse, signupBody } from './modules/auth/schema.js'
import type {
  createCustomerBody,
  customerListSchema,
  customerSchema,
  duplicateGroupSchema,
  listCustomersQuery,
  mergeCustomerBody,
  updateCustomerBody,
} from './modules/customers/schema.js'
import type { createMemberBody, memberSchema } from './modules/members/schema.js'

export type { Problem } from './http/problem.js'

export type Me = z.infer<typeof meResponse>
export type SignupInput = z.input<typeof signupBody>
export type LoginInput = z.input<typeof loginBody>
export type ApiKey = z.infer<typeof apiKeySchema>
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>
export type CreateApiKeyInput = z.input<typeof createApiKeyBody>
export type Member = z.infer<typeof memberSchema>
export type CreateMemberInput = z.input<typeof createMemberBody>
export type CustomerDto = z.infer<typeof customerSchema>
export type CustomerList = z.infer<typeof customerListSchema>
export type CreateCustomerInput = z.input<typeof createCustomerBody>
export type UpdateCustomerInput = z.input<typeof updateCustomerBody>
export type ListCustomersInput = z.input<typeof listCustomersQuery>
export type MergeCustomerInput = z.input<typeof mergeCustomerBody>
export type DuplicateGroup = z.infer<typeof duplicateGroupSchema>
