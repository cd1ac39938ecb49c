import { randomUUID } from 'node:crypto'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copyOutStream, type IdRange } from '../src/modules/exports/services/copy-out.js'
import { batchedExport, exportCustomers } from '../src/modules/exports/services/export-customers.js'
import { resolveSegment } from '../src/modules/segments/resolve.js'
import { createCustomer, listCustomers, setStats } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'
import { allCustomers, importFile } from './imports.js'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const EXPORT = '/api/v1/customers/export.csv'

/** Downloads a file and returns its response and its bytes as text (byte order mark kept). */
async function download(as: Session, path: string) {
  const res = await t.app.request(path, { headers: as.headers })
  const bytes = Buffer.from(await res.arrayBuffer())
  return { res, text: bytes.toString('utf8') }
}

/** An exported CSV as header → value records. */
const records = (text: string) =>
  parse(text, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[]

/** A profile that uses every field, with values a spreadsheet or a CSV writer could get wrong. */
function trickyProfile(overrides: Record<string, unknown> = {}) {
  const tag = randomUUID().slice(0, 8)
  return {
    customId: `CRM-${tag}`,
    name: `Zoë "the Brave" Ωμέγα ${tag}`,
    email: `zoe.${tag}@example.com`,
    phone: '+30 21 0123 4567',
    company: 'Ακρόπολη, Ltd',
    jobTitle: '=Buyer',
    billingAddress: {
      line1: 'Odos 1',
      line2: 'Floor 2',
      city: 'Αθήνα',
      state: 'Attica',
      postalCode: '105 57',
      country: 'GR',
    },
    shippingAddress: { line1: 'Port 4', city: 'Piraeus', country: 'GR' },
    country: 'GR',
    timezone: 'Europe/Athens',
    status: 'inactive',
    type: 'business',
    taxId: '-123',
    vatNumber: 'EL123456789',
    tags: ['vip', 'a, b', 'say "hi"'],
    tier: 'gold',
    notes: "Line one\nline two, with a comma\n'=already quoted",
    customFields: { companyId: 'GR-42', companyEmail: 'billing@example.gr', seats: 12, reseller: true },
    preferredFiat: 'EUR',
    paymentTermsDays: 30,
    preferredCoins: [
      { asset: 'USDT', network: 'tron' },
      { asset: 'BTC', network: 'bitcoin' },
    ],
    paymentLimits: { perPaymentMax: '5000.00', monthlyMax: '20000.50' },
    registrationDate: '2024-02-29',
    ...overrides,
  }
}

/** What must survive a round trip: everything but what Coinbook assigns or computes. */
function comparable(c: Record<string, unknown>) {
  const {
    id,
    createdAt,
    updatedAt,
    source,
    lifetimeValue,
    paymentCount,
    lastPaymentAt,
    lastActivityAt,
    outstanding,
    ...rest
  } = c
  return rest
}

describe('exporting customers', () => {
  it('streams a UTF-8 CSV with a byte order mark and the columns other systems expect', async () => {
    const owner = await t.signup()
    const c = await createCustomer(t, owner, trickyProfile())
    await setStats(t, c.id, { lifetimeValue: '1234.567890123456789', paymentCount: 3 })
    const { res, text } = await download(owner, EXPORT)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="customers-\d{4}-\d{2}-\d{2}\.csv"$/,
    )
    expect(text.startsWith('\uFEFF')).toBe(true)
    const header = Object.keys(records(text)[0] ?? {})
    expect(header.slice(0, 14)).toEqual([
      'Name',
      'Email',
      'Company',
      'Company ID',
      'Company Email',
      'Tax ID',
      'Phone',
      'Address',
      'City',
      'State',
      'Zip/Postal Code',
      'Country',
      'VAT Number',
      'Lifetime Value',
    ])
    const [row] = records(text)
    expect(row).toMatchObject({
      Name: c.name,
      Email: c.email,
      Company: 'Ακρόπολη, Ltd',
      'Company ID': 'GR-42',
      'Company Email': 'billing@example.gr',
      'Zip/Postal Code': '105 57',
      'Lifetime Value': '1234.567890123456789',
      'Payment Count': '3',
      Tags: 'vip, "a, b", "say ""hi"""',
      'Preferred Coins': 'USDT:tron, BTC:bitcoin',
      'Monthly Limit': '20000.50',
      'Custom Fields': '{"seats":12,"reseller":true}',
      ID: c.id,
    })
  })

  it('neutralises values a spreadsheet would run as a formula', async () => {
    const owner = await t.signup()
    await createCustomer(t, owner, {
      name: '=HYPERLINK("http://evil.example","click")',
      notes: '@SUM(A1:A9)',
      company: '-2+3 Ltd',
      phone: '+44 20 7946 0958',
      taxId: "'=already",
    })
    const [row] = records((await download(owner, EXPORT)).text)
    expect(row).toMatchObject({
      Name: '\'=HYPERLINK("http://evil.example","click")',
      Notes: "'@SUM(A1:A9)",
      Company: "'-2+3 Ltd",
      Phone: "'+44 20 7946 0958",
      'Tax ID': "''=already",
    })
  })

  it('exports exactly the customers the list shows for the same filters', async () => {
    const owner = await t.signup()
    await createCustomer(t, owner, { name: 'Gold PT', tier: 'gold', country: 'PT', tags: ['vip'] })
    await createCustomer(t, owner, { name: 'Gold ES', tier: 'gold', country: 'ES', status: 'inactive' })
    await createCustomer(t, owner, { name: 'Silver PT', tier: 'silver', country: 'PT', tags: ['vip'] })
    await createCustomer(t, owner, { name: 'Percent 100% PT', country: 'PT' })
    for (const filter of [
      {},
      { tier: 'gold' },
      { country: 'PT', tag: 'vip' },
      { status: 'inactive' },
      { q: 'gold' },
      { q: '100%' },
      { q: 'nobody' },
    ] as Record<string, string>[]) {
      const listed = (await listCustomers(t, owner, { ...filter, limit: 100 })).body.data.map(
        (c: { id: string }) => c.id,
      )
      const qs = new URLSearchParams(filter).toString()
      const exported = records((await download(owner, `${EXPORT}?${qs}`)).text).map((r) => r.ID)
      expect(exported, JSON.stringify(filter)).toEqual(listed)
    }
  })

  it('writes the customers in the list’s order for every sort, through every batch', async () => {
    const owner = await t.signup()
    const names = ['delta', 'Alpha', 'charlie', 'Bravo', 'echo', 'alpha']
    for (const [i, name] of names.entries()) {
      const c = await createCustomer(t, owner, { name, country: i % 2 ? 'PT' : 'ES' })
      // Ties on purpose (i % 3): the id settles them, as it does in the list.
      await setStats(t, c.id, { lifetimeValue: `${(i % 3) * 10}.50`, paymentCount: i % 3 })
    }
    for (const sort of ['name', '-name', 'createdAt', '-lifetimeValue', 'paymentCount', '-lastPaymentAt']) {
      for (const filter of [{}, { country: 'PT' }] as Record<string, string>[]) {
        const listed = (await listCustomers(t, owner, { ...filter, sort, limit: 100 })).body.data.map(
          (c: { id: string }) => c.id,
        )
        const qs = new URLSearchParams({ ...filter, sort }).toString()
        const exported = records((await download(owner, `${EXPORT}?${qs}`)).text).map((r) => r.ID)
        expect(exported, `${sort} ${JSON.stringify(filter)}`).toEqual(listed)
      }
    }
    // Batches of fewer rows than the export has: each one starts after the last one's key.
    const ctx = {
      db: t.db,
      merchantId: owner.merchantId,
      actor: { type: 'system' as const, id: null, role: 'owner' as const },
    }
    const byName = (await listCustomers(t, owner, { sort: 'name', limit: 100 })).body.data.map(
      (c: { id: string }) => c.id,
    )
    const small = await new Response(batchedExport(ctx, 'csv', {}, undefined, 'name', 2)).text()
    expect(records(small).map((r) => r.ID)).toEqual(byName)
  })

  it('refuses a sort the list does not have', async () => {
    const owner = await t.signup()
    const res = await t.request('GET', `${EXPORT}?sort=email`, { as: owner })
    expect(res.status).toBe(400)
    expect(res.body.code).toBe('validation_failed')
  })

  it('pages through more customers than one batch, in the list’s order', async () => {
    const owner = await t.signup()
    const file = [
      'Name,Email',
      ...Array.from({ length: 4500 }, (_, i) => `Customer ${i},c${i}@example.com`),
    ].join('\n')
    await importFile(t, owner, file)
    const rows = records((await download(owner, EXPORT)).text)
    expect(rows).toHaveLength(4500)
    expect(new Set(rows.map((r) => r.ID)).size).toBe(4500)
    expect(rows[0]?.Name).toBe('Customer 4499')
    expect(rows.at(-1)?.Name).toBe('Customer 0')
  })

  it('writes JSON Lines of the API’s own customers', async () => {
    const owner = await t.signup()
    const a = await createCustomer(t, owner, trickyProfile())
    const b = await createCustomer(t, owner, { name: 'Plain' })
    const viaQuery = await download(owner, `${EXPORT}?format=jsonl`)
    expect(viaQuery.res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8')
    const lines = viaQuery.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    // The list's own objects, in the list's order (newest first), without the list's activity columns
    // (outstanding invoices and last activity are read per page for the table, not part of the profile).
    const listed = (await listCustomers(t, owner)).body.data
    expect(listed.map((c: { id: string }) => c.id)).toEqual([b.id, a.id])
    expect(lines).toEqual(
      listed.map(({ lastActivityAt: _l, outstanding: _o, ...c }: Record<string, unknown>) => c),
    )
    const viaPath = await download(owner, '/api/v1/customers/export.jsonl')
    expect(viaPath.text).toBe(viaQuery.text)
  })

  it('never includes another merchant’s customers', async () => {
    const a = await t.signup()
    const b = await t.signup()
    await createCustomer(t, a, { name: 'Only A' })
    await createCustomer(t, b, { name: 'Only B' })
    expect(records((await download(a, EXPORT)).text).map((r) => r.Name)).toEqual(['Only A'])
    expect(records((await download(b, EXPORT)).text).map((r) => r.Name)).toEqual(['Only B'])
  })

  it('refuses filters the list refuses, as a problem', async () => {
    const owner = await t.signup()
    const res = await t.request('GET', `${EXPORT}?status=vip`, { as: owner })
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/)
    expect((await t.request('GET', `${EXPORT}?format=xlsx`, { as: owner })).status).toBe(400)
  })
})

describe('the export PostgreSQL writes (COPY)', () => {
  const url = process.env.DATABASE_URL
  const bytes = async (stream: ReadableStream<Uint8Array>) =>
    Buffer.from(await new Response(stream).arrayBuffer())

  // The COPY export exists on PostgreSQL only; on PGlite the batched export is the only one.
  it.runIf(url)(
    'writes byte for byte what the batched export writes, for every format and filter',
    async () => {
      const owner = await t.signup()
      const a = await createCustomer(t, owner, trickyProfile())
      await setStats(t, a.id, {
        lifetimeValue: '-12.50',
        paymentCount: 2,
        lastPaymentAt: '2025-01-02T03:04:05.678901Z',
      })
      await createCustomer(
        t,
        owner,
        trickyProfile({
          name: 'Carriage\rreturn only',
          company: '\tTabbed',
          tags: ['=x', 'plain'],
          customFields: { 2024: 'year', b: 'x, "y": z', 7: 1.5, a: null, companyId: 42, 'k\\"': '\u0001' },
          preferredCoins: [],
          paymentLimits: { monthlyMax: '10.00' },
          billingAddress: { line1: '+1 Main St', city: 'Town, "Quoted"' },
          shippingAddress: null,
          notes: '\r=carriage return first',
        }),
      )
      await createCustomer(t, owner, {
        name: 'Brackets',
        shippingAddress: { line1: '[Dock 4]', city: 'a: b, c' },
        customFields: { plain: 'no quotes: here, or there' },
      })
      await createCustomer(t, owner, { name: 'Only a name' })
      const other = await t.signup()
      await createCustomer(t, other, { name: 'Another merchant' })
      const ctx = {
        db: t.db,
        merchantId: owner.merchantId,
        actor: { type: 'system' as const, id: null, role: 'owner' as const },
      }
      const vip = await resolveSegment(t.db, owner.merchantId, 'country:GR', new Date())
      for (const format of ['csv', 'jsonl'] as const) {
        for (const filters of [
          {},
          { q: 'zoë' },
          { tag: 'a, b' },
          { status: 'active' as const },
          { q: "it's 100%" },
        ]) {
          const batched = await bytes(batchedExport(ctx, format, filters))
          // In one part, and split into parts (of 1 and 2 customers) that two connections write.
          for (const partRows of [undefined, 1, 2]) {
            const copied = await bytes(
              exportCustomers({ ctx, input: { format, ...filters }, databaseUrl: url, partRows }),
            )
            expect(copied.toString('utf8'), `${format} ${JSON.stringify(filters)} parts of ${partRows}`).toBe(
              batched.toString('utf8'),
            )
            expect(copied.equals(batched)).toBe(true)
          }
        }
        const copied = await bytes(
          exportCustomers({ ctx, input: { format }, segment: vip.condition, databaseUrl: url }),
        )
        expect(copied.equals(await bytes(batchedExport(ctx, format, {}, vip.condition)))).toBe(true)
        // Another order than newest first: one COPY, in that order, whatever the part size.
        for (const sort of ['name', '-lifetimeValue', 'paymentCount'] as const) {
          const sorted = await bytes(
            exportCustomers({ ctx, input: { format, sort }, databaseUrl: url, partRows: 1 }),
          )
          expect(sorted.toString('utf8'), `${format} ${sort}`).toBe(
            (await bytes(batchedExport(ctx, format, {}, undefined, sort))).toString('utf8'),
          )
        }
      }
      const all = (
        await bytes(exportCustomers({ ctx, input: { format: 'jsonl' }, databaseUrl: url }))
      ).toString()
      expect(all.trim().split('\n')).toHaveLength(4)
    },
  )
})

describe('a COPY in parts (copyOutStream)', () => {
  const url = process.env.DATABASE_URL
  const text = (stream: ReadableStream<Uint8Array>) => new Response(stream).text()
  // Rows 12…1, cut after 9, 6 and 3 (the first part, 12…9, by LIMIT); the row `failAt` divides by zero,
  // which fails its part only (the rows are picked before the division).
  const numbers = (failAt: number) => {
    const part = ({ below, atLeast, first }: IdRange) =>
      `select g, 12 / (g - ${failAt}) from (select g from generate_series(1, 12) g
       where ${below ?? 13} > g and g >= ${atLeast ?? 0} order by g desc limit ${first ?? 'all'}) p order by g desc`
    return { first: part({ first: 4 }), boundaries: 'select g as id from generate_series(9, 1, -3) g', part }
  }

  it.runIf(url)('sends the parts in order, whichever connection wrote them', async () => {
    const csv = await text(copyOutStream({ url: url as string, select: numbers(0), options: 'FORMAT csv' }))
    const expected = Array.from({ length: 12 }, (_, i) => `${12 - i},${Math.trunc(12 / (12 - i))}\n`)
    expect(csv).toBe(expected.join(''))
  })

  it.runIf(url)('fails the download when the first part fails, with its error', async () => {
    const download = text(copyOutStream({ url: url as string, select: numbers(11), options: 'FORMAT csv' }))
    await expect(download).rejects.toThrow(/division by zero/)
  })

  it.runIf(url)('fails the download when a part read ahead fails', async () => {
    const download = text(copyOutStream({ url: url as string, select: numbers(2), options: 'FORMAT csv' }))
    await expect(download).rejects.toThrow(/division by zero/)
  })
})

describe('round trip', () => {
  it.each(['csv', 'jsonl'] as const)(
    'exporting as %s and importing into a new merchant gives the same customers',
    async (format) => {
      const from = await t.signup()
      await createCustomer(t, from, trickyProfile())
      await createCustomer(
        t,
        from,
        trickyProfile({ tags: [], customFields: {}, preferredCoins: [], notes: null }),
      )
      await createCustomer(t, from, { name: 'Only a name' })
      await createCustomer(t, from, {
        name: '李小龍',
        email: 'Lee@Example.cn',
        billingAddress: { city: '香港' },
        shippingAddress: { postalCode: '00000' },
      })
      const { text } = await download(from, `${EXPORT}?format=${format}`)

      const to = await t.signup()
      const result = await importFile(t, to, text, {
        contentType: format === 'csv' ? 'text/csv' : 'application/x-ndjson',
      })
      expect(result).toMatchObject({ status: 'completed', counts: { rows: 4, created: 4, invalid: 0 } })
      const sort = (list: Record<string, unknown>[]) =>
        list.map(comparable).sort((x, y) => String(x.name).localeCompare(String(y.name)))
      expect(sort(await allCustomers(t, to))).toEqual(sort(await allCustomers(t, from)))

      // And again into the same merchant: everything is already there, so nothing changes.
      const again = await importFile(t, to, text, {
        contentType: format === 'csv' ? 'text/csv' : 'application/x-ndjson',
        query: { mode: 'upsert' },
      })
      expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 4 })
    },
  )
})

describe('exporting payments', () => {
  async function insertPayment(
    merchant: Session,
    values: {
      customerId?: string | null
      network: string
      asset: string
      amount: string
      decimals: number
      status: string
      fiat?: string
    },
  ) {
    await t.db
      .insertInto('payments')
      .values({
        id: (await import('uuid')).v7(),
        merchant_id: merchant.merchantId,
        customer_id: values.customerId ?? null,
        deposit_target_id: null,
        network: values.network,
        asset: values.asset,
        tx_hash: `0x${randomUUID().replaceAll('-', '')}${randomUUID().replaceAll('-', '')}`,
        event_index: 0,
        from_address: '=cmd|calc',
        to_address: 'bc1qexample',
        contract: null,
        memo: null,
        reference: null,
        amount: values.amount,
        decimals: values.decimals,
        fiat_currency: 'USD',
        fiat_value: values.fiat ?? null,
        rate: null,
        rate_source: null,
        block_number: 100,
        block_hash: null,
        block_time: null,
        status: values.status as 'confirmed',
      })
      .execute()
  }

  it('streams the payments the list’s filters match, with exact amounts', async () => {
    const owner = await t.signup()
    const other = await t.signup()
    const ana = await createCustomer(t, owner, { name: 'Ana' })
    await insertPayment(owner, {
      customerId: ana.id,
      network: 'bitcoin',
      asset: 'BTC',
      amount: '123456789012',
      decimals: 8,
      status: 'confirmed',
      fiat: '1234.56',
    })
    await insertPayment(owner, {
      network: 'ethereum',
      asset: 'ETH',
      amount: '1000000000000000001',
      decimals: 18,
      status: 'pending',
    })
    await insertPayment(other, {
      network: 'bitcoin',
      asset: 'BTC',
      amount: '1',
      decimals: 8,
      status: 'confirmed',
    })

    const all = await download(owner, '/api/v1/payments/export.csv')
    expect(all.res.status).toBe(200)
    const rows = records(all.text)
    expect(rows.map((r) => [r.Network, r.Amount, r['Amount (base units)'], r.Customer])).toEqual([
      ['ethereum', '1.000000000000000001', '1000000000000000001', ''],
      ['bitcoin', '1234.56789012', '123456789012', 'Ana'],
    ])
    expect(rows[1]?.['Fiat Value']).toBe('1234.56')
    expect(rows[0]?.From).toBe("'=cmd|calc")

    const filters: Record<string, string>[] = [
      { status: 'pending' },
      { network: 'bitcoin' },
      { customerId: ana.id },
      { attribution: 'unattributed' },
    ]
    for (const filter of filters) {
      const qs = new URLSearchParams(filter).toString()
      const listed = (await t.request('GET', `/api/v1/payments?${qs}`, { as: owner })).body.data.map(
        (p: { id: string }) => p.id,
      )
      const exported = records((await download(owner, `/api/v1/payments/export.csv?${qs}`)).text).map(
        (r) => r.ID,
      )
      expect(exported, qs).toEqual(listed)
      expect(exported).toHaveLength(1)
    }

    const jsonl = await download(owner, '/api/v1/payments/export.csv?format=jsonl')
    const listed = (await t.request('GET', '/api/v1/payments', { as: owner })).body.data
    expect(
      jsonl.text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual(listed)
  })
})
