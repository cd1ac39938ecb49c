import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type Session, type TestApp } from './harness.js'

// Property-based bad input: whatever a client sends, the answer is never a 5xx. CI runs FUZZ_RUNS cases
// per property (200 by default); the drill sets FUZZ_RUNS=100000.
const runs = Number(process.env.FUZZ_RUNS ?? 200)
let t: TestApp
let owner: Session
let customerId: string

beforeAll(async () => {
  t = await createTestApp()
  owner = await t.apiKey(await t.signup(), 'owner')
  const res = await t.request('POST', '/api/v1/customers', { as: owner, body: { name: 'Fuzz target' } })
  customerId = res.body.id
})
afterAll(() => t.close())

/** Values of every JSON shape, with strings that look like what the fields expect. */
const jsonValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom('', ' ', 'x'.repeat(5000), '2026-02-30', '-1', '1e400', '0x', 'null', '<script>', '\u0000'),
)
const fieldNames = fc.constantFrom(
  'name',
  'email',
  'phone',
  'company',
  'country',
  'timezone',
  'status',
  'type',
  'tags',
  'tier',
  'customFields',
  'preferredFiat',
  'paymentTermsDays',
  'preferredCoins',
  'paymentLimits',
  'billingAddress',
  'registrationDate',
  'customId',
  'vatNumber',
  'lines',
  'currency',
  'dueDate',
  'accepts',
  'amount',
)
const body = fc.oneof(fc.dictionary(fieldNames, jsonValue, { maxKeys: 8 }), jsonValue)

/** A fuzzed value as a query string: an object's entries, or the value as `q`. */
function query(value: unknown): string {
  const entries: [string, string][] =
    typeof value === 'object' && value !== null
      ? Object.entries(value).map(([k, v]) => [k, String(v)])
      : [['q', String(value)]]
  return new URLSearchParams(entries).toString()
}

const noServerError = (status: number) => expect(status).toBeLessThan(500)

describe('fuzzed requests never get a 5xx', () => {
  it('answers 400 to a NUL character, which PostgreSQL text cannot hold (found by this fuzz)', async () => {
    const search = await t.request('GET', '/api/v1/customers?q=%00', { as: owner })
    expect(search.status).toBe(400)
    expect(search.body.detail).toContain('NUL')
    const create = await t.request('POST', '/api/v1/customers', { as: owner, body: { name: 'a\u0000b' } })
    expect(create.status).toBe(400)
  })

  it('creating and editing customers and invoices', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          ['POST', '/api/v1/customers'],
          ['PATCH', `/api/v1/customers/:id`],
          ['POST', '/api/v1/invoices'],
          ['POST', '/api/v1/payments/verify'],
          ['GET', '/api/v1/customers'],
        ),
        body,
        async ([method, path], value) => {
          const url = path.replace(':id', customerId)
          const res =
            method === 'GET'
              ? await t.request(method, `${url}?${query(value)}`, { as: owner })
              : await t.request(method, url, { as: owner, rawBody: JSON.stringify(value) })
          noServerError(res.status)
        },
      ),
      { numRuns: runs },
    )
  })

  it('importing CSV files of any shape', async () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('"', '""', '\n', ';', '=1+1', '\uFEFF'),
    )
    const csv = fc
      .array(fc.array(cell, { maxLength: 6 }), { minLength: 1, maxLength: 8 })
      .map((rows) => rows.map((r) => r.join(',')).join('\n'))
    await fc.assert(
      fc.asyncProperty(csv, fc.boolean(), async (file, dryRun) => {
        const res = await t.request('POST', `/api/v1/customers/import?dryRun=${dryRun}`, {
          as: owner,
          rawBody: file,
          headers: { 'content-type': 'text/csv' },
        })
        noServerError(res.status)
      }),
      { numRuns: Math.max(20, Math.floor(runs / 4)) },
    )
  })
})
