import { describe, expect, it } from 'vitest'
import { firstErrorField, mapFieldErrors } from './field-errors'

const fields = ['name', 'email', 'billingAddress.country', 'billingAddress', 'tags', 'customFields'] as const

describe('mapFieldErrors', () => {
  it('puts each API error on the field its path names', () => {
    const mapped = mapFieldErrors(
      [
        { path: 'email', message: 'must be a valid email address' },
        { path: 'billingAddress.country', message: 'must be an ISO 3166-1 alpha-2 country code such as PT' },
      ],
      fields,
    )
    expect(mapped.byField).toEqual({
      email: ['must be a valid email address'],
      'billingAddress.country': ['must be an ISO 3166-1 alpha-2 country code such as PT'],
    })
    expect(mapped.other).toEqual([])
  })

  it('gives a nested error to the closest field and says which item it is about', () => {
    const mapped = mapFieldErrors(
      [
        { path: 'tags.2', message: 'must be at most 50 characters' },
        { path: 'billingAddress.line9', message: 'is not allowed' },
        { path: 'customFields.loyalty', message: 'must be at most 1000 characters' },
      ],
      fields,
    )
    expect(mapped.byField.tags).toEqual(['Item 3: must be at most 50 characters'])
    expect(mapped.byField.billingAddress).toEqual(['line9: is not allowed'])
    expect(mapped.byField.customFields).toEqual(['loyalty: must be at most 1000 characters'])
  })

  it('keeps errors that match no field for the summary, with their path', () => {
    const mapped = mapFieldErrors(
      [
        { path: 'unknownField', message: 'is not allowed' },
        { path: '(body)', message: 'must be a JSON object' },
      ],
      fields,
    )
    expect(mapped.byField).toEqual({})
    expect(mapped.other).toEqual(['unknownField: is not allowed', 'must be a JSON object'])
  })

  it('does not mistake a field for another that starts with the same letters', () => {
    const mapped = mapFieldErrors([{ path: 'emailVerified', message: 'x' }], fields)
    expect(mapped.byField.email).toBeUndefined()
    expect(mapped.other).toEqual(['emailVerified: x'])
  })
})

describe('firstErrorField', () => {
  it('picks the first field in form order, not in error order', () => {
    const mapped = mapFieldErrors(
      [
        { path: 'tags.0', message: 'must not be empty' },
        { path: 'email', message: 'must be a valid email address' },
      ],
      fields,
    )
    expect(firstErrorField(mapped, fields)).toBe('email')
  })
})
