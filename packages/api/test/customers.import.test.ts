import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCustomer, customersPath } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'
import { allCustomers, byEmail, csv, IMPORT, importFile, importPath, upload } from './imports.js'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('the template', () => {
  it('lists the columns an import reads, and its example row imports cleanly', async () => {
    const owner = await t.signup()
    const res = await t.app.request(`${IMPORT}/template.csv`, { headers: owner.headers })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
    const bytes = Buffer.from(await res.arrayBuffer())
    // A UTF-8 byte order mark, so Excel opens names in any script as written.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8')
    const header = text.slice(1).split('\n')[0] ?? ''
    for (const column of [
      'Name',
      'Email',
      'Company',
      'Company ID',
      'Tax ID',
      'Zip/Postal Code',
      'VAT Number',
    ]) {
      expect(header).toContain(column)
    }
    expect(header).not.toContain('Lifetime Value')

    const dry = await importFile(t, owner, text, { query: { dryRun: true } })
    expect(dry).toMatchObject({ status: 'validated', counts: { rows: 1, valid: 1, invalid: 0, created: 1 } })
    expect(dry.errors).toEqual([])
    expect(await allCustomers(t, owner)).toEqual([])
  })
})

describe('reading what spreadsheets write', () => {
  it('takes a byte order mark, semicolons, CRLF, blank lines and names in any script', async () => {
    const owner = await t.signup()
    const file = `\uFEFF${csv(
      'Name;E-mail;Phone;Country',
      'Zoë Ωμέγα;zoe@example.com;+30 21 0123 4567;GR',
      '',
      '李小龍;lee@example.cn;;CN',
      ';;;',
      'محمد عبد الله;mohammed@example.ae;;AE',
      'Ñandú 🦤 Pérez;nandu@example.ar;;AR',
    )}`
    const result = await importFile(t, owner, file)
    expect(result).toMatchObject({
      status: 'completed',
      delimiter: ';',
      counts: { rows: 4, created: 4, invalid: 0 },
    })
    const names = (await allCustomers(t, owner)).map((c) => c.name)
    expect(names).toEqual(['Zoë Ωμέγα', '李小龍', 'محمد عبد الله', 'Ñandú 🦤 Pérez'])
  })

  it('detects tab-separated files and reads quoted fields holding delimiters, quotes and line breaks', async () => {
    const owner = await t.signup()
    const file = csv(
      'Name\tEmail\tNotes\tCompany',
      'Ana Silva\tana@example.com\t"First line\nsecond line, with a comma\tand a tab"\t"Lisbon ""Bikes"""',
      'Bruno\tbruno@example.com\t\t',
    )
    const result = await importFile(t, owner, file)
    expect(result).toMatchObject({ status: 'completed', delimiter: '\t', counts: { created: 2 } })
    const ana = await byEmail(t, owner, 'ana@example.com')
    expect(ana.notes).toBe('First line\nsecond line, with a comma\tand a tab')
    expect(ana.company).toBe('Lisbon "Bikes"')
  })

  it('counts lines as the file has them, across quoted line breaks and blank lines, in its errors', async () => {
    const owner = await t.signup()
    const file = csv(
      'Name,Email,Notes', // line 1
      'Ana,ana@example.com,"two', // line 2
      'lines"', // line 3
      '', // line 4
      'Bad,not-an-email,', // line 5
      'Also bad,,"x', // line 6
      'y', // line 7
      'z"', // line 8
      ',missing.name@example.com,', // line 9
    )
    const result = await importFile(t, owner, file, { query: { dryRun: true } })
    expect(result.counts).toMatchObject({ rows: 4, valid: 2, invalid: 2 })
    expect(result.errors).toEqual([
      { line: 5, column: 'Email', field: 'email', value: 'not-an-email', message: expect.any(String) },
      { line: 9, column: 'Name', field: 'name', value: '', message: 'is required' },
    ])
  })

  it('reads Windows-1252 (Excel on Windows) and UTF-16 (Excel "Unicode text") files', async () => {
    const owner = await t.signup()
    // "José Gonçalves,jose@example.pt" in Windows-1252: é = 0xE9, ç = 0xE7.
    const latin = Buffer.from('Name,Email\r\nJos\xe9 Gon\xe7alves,jose@example.pt\r\n', 'latin1')
    expect((await importFile(t, owner, latin)).encoding).toBe('windows-1252')
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Name\tEmail\r\nRenée Müller\trenee@example.de\r\n', 'utf16le'),
    ])
    expect((await importFile(t, owner, utf16)).status).toBe('completed')
    const names = (await allCustomers(t, owner)).map((c) => c.name)
    expect(names).toEqual(['José Gonçalves', 'Renée Müller'])
  })

  it('matches headers leniently and splits First Name / Last Name', async () => {
    const owner = await t.signup()
    const file = csv(
      'First Name,Last Name,  E-MAIL ADDRESS ,Zip/Postal Code,Town,Country,Tags,Payment Terms,Customer Since,Company Number,Favourite colour',
      'Ana,Silva,ANA@Example.com,1100-048,Lisboa,Portugal,"vip, wholesale",Net 30,2024-02-01,514 123 456,blue',
    )
    const result = await importFile(t, owner, file)
    expect(result.status).toBe('completed')
    expect(result.columns).toContainEqual({
      header: 'Favourite colour',
      field: null,
      note: 'not a column Coinbook knows; map it to a field to import it',
    })
    const ana = await byEmail(t, owner, 'ana@example.com')
    expect(ana).toMatchObject({
      name: 'Ana Silva',
      email: 'ana@example.com',
      country: 'PT',
      billingAddress: { city: 'Lisboa', postalCode: '1100-048', country: 'PT' },
      tags: ['vip', 'wholesale'],
      paymentTermsDays: 30,
      registrationDate: '2024-02-01',
      customFields: { companyId: '514 123 456' },
      source: 'import',
    })
  })

  it('follows an explicit mapping, custom fields and left-out columns included', async () => {
    const owner = await t.signup()
    const file = csv(
      'Client,Contact,Loyalty,Segment,Email',
      'Ana Silva,ana@example.com,GOLD,retail,old@example.com',
    )
    const mapping = {
      client: 'name',
      Contact: 'email',
      Loyalty: 'tier',
      Segment: 'customFields.segment',
      Email: null,
    }
    const result = await importFile(t, owner, file, { query: { mapping } })
    expect(result.status).toBe('completed')
    expect(result.columns).toContainEqual({ header: 'Email', field: null, note: 'left out by the mapping' })
    const ana = await byEmail(t, owner, 'ana@example.com')
    expect(ana).toMatchObject({ name: 'Ana Silva', tier: 'gold', customFields: { segment: 'retail' } })
  })

  it('keeps formula-like values as text, and takes back the apostrophe the export adds', async () => {
    const owner = await t.signup()
    const file = csv(
      'Name,Email,Notes,Company',
      '=HYPERLINK("http://evil.example"),f1@example.com,+1+2,@SUM(A1)',
      "'=1+1,f2@example.com,'-3,'@x",
    )
    expect((await importFile(t, owner, file)).status).toBe('completed')
    expect(await byEmail(t, owner, 'f1@example.com')).toMatchObject({
      name: '=HYPERLINK("http://evil.example")',
      notes: '+1+2',
      company: '@SUM(A1)',
    })
    expect(await byEmail(t, owner, 'f2@example.com')).toMatchObject({
      name: '=1+1',
      notes: '-3',
      company: '@x',
    })
  })

  it('reports a row repeated in the file, emails differing only in case included, naming the first line', async () => {
    const owner = await t.signup()
    const file = csv(
      'Name,Email,Custom ID',
      'Ana,ana@example.com,C-1',
      'Ana again,ANA@EXAMPLE.COM,C-2',
      'Bruno,bruno@example.com,C-1',
      'Ana,ana@example.com,C-1',
    )
    const result = await importFile(t, owner, file, { query: { onError: 'skip' } })
    expect(result.counts).toMatchObject({ rows: 4, created: 1, invalid: 3 })
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          line: 3,
          field: 'email',
          message: 'appears again: the same email as line 2',
        }),
        expect.objectContaining({
          line: 4,
          field: 'customId',
          message: 'appears again: the same custom id as line 2',
        }),
        expect.objectContaining({
          line: 5,
          field: 'email',
          message: 'appears again: the same email as line 2',
        }),
      ]),
    )
    expect((await allCustomers(t, owner)).map((c) => c.name)).toEqual(['Ana'])
  })

  it('reports a quote that never closes instead of failing the file', async () => {
    const owner = await t.signup()
    const file = 'Name,Email\nAna,ana@example.com\n"Bruno,bruno@example.com\n'
    const result = await importFile(t, owner, file, { query: { onError: 'skip' } })
    expect(result.status).toBe('completed')
    expect(result.counts).toMatchObject({ created: 1, invalid: 1 })
    expect(result.errors[0]).toMatchObject({ line: 3, field: null })
  })

  it('fails a file with no header or no column it knows, saying why', async () => {
    const owner = await t.signup()
    const empty = await importFile(t, owner, '\uFEFF\r\n\r\n')
    expect(empty).toMatchObject({ status: 'failed', failure: { code: 'empty_file' } })
    const unknown = await importFile(t, owner, csv('Foo,Bar', '1,2'))
    expect(unknown).toMatchObject({ status: 'failed', failure: { code: 'no_known_columns' } })
    const noName = await importFile(t, owner, csv('Email', 'a@example.com'))
    expect(noName).toMatchObject({ status: 'failed', failure: { code: 'no_name_column' } })
  })
})

describe('validation and the report', () => {
  const bad = csv(
    'Name,Email,Country,Status,Preferred Fiat,Time zone,Registration Date,Preferred Coins,Monthly Limit',
    'Good,good@example.com,PT,active,EUR,Europe/Lisbon,2024-01-02,USDT:tron,1000.50',
    'Bad,bad@,Atlantis,vip,EURO,Mars/Olympus,2024-02-30,bitcoin please,12.3.4',
  )

  it('validates every field like the API and lists each error with its line, column, field and message', async () => {
    const owner = await t.signup()
    const result = await importFile(t, owner, bad, { query: { dryRun: true } })
    expect(result.counts).toMatchObject({ rows: 2, valid: 1, invalid: 1 })
    const fields = result.errors.map((e: { field: string }) => e.field).sort()
    expect(fields).toEqual(
      [
        'country',
        'email',
        'paymentLimits.monthlyMax',
        'preferredCoins',
        'preferredFiat',
        'registrationDate',
        'status',
        'timezone',
      ].sort(),
    )
    expect(result.errors.every((e: { line: number }) => e.line === 3)).toBe(true)
    expect(result.errors).toContainEqual(
      expect.objectContaining({
        column: 'Email',
        field: 'email',
        value: 'bad@',
        message: expect.any(String),
      }),
    )
    expect(result.errorCount).toBe(8)
  })

  it('offers the report as a CSV download', async () => {
    const owner = await t.signup()
    const result = await importFile(t, owner, bad, { query: { dryRun: true } })
    const res = await t.app.request(importPath(result.id, '/report.csv'), { headers: owner.headers })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename=".*report\.csv"/)
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
    expect(lines[0]).toBe('Line,Column,Field,Value,Message')
    expect(lines).toHaveLength(9)
    expect(lines.some((l) => l.startsWith('3,Email,email,bad@,'))).toBe(true)
  })

  it('JSON arrays and JSON Lines are validated as the customer API validates a body', async () => {
    const owner = await t.signup()
    const array = await importFile(
      t,
      owner,
      JSON.stringify([
        { name: 'Ana', email: 'ana@example.com', tags: ['vip'], paymentLimits: { monthlyMax: '100.25' } },
        { name: 'Bad', paymentTermsDays: 7.5, favouriteColour: 'blue' },
      ]),
      { contentType: 'application/json', query: { onError: 'skip' } },
    )
    expect(array.counts).toMatchObject({ rows: 2, created: 1, invalid: 1 })
    expect(array.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual(
      expect.arrayContaining([[2, 'paymentTermsDays']]),
    )
    const lines = await importFile(t, owner, '{"name":"Bruno","email":"bruno@example.com"}\n\nnot json\n', {
      contentType: 'application/x-ndjson',
      query: { onError: 'skip' },
    })
    expect(lines.counts).toMatchObject({ rows: 2, created: 1, invalid: 1 })
    expect(lines.errors[0]).toMatchObject({ line: 3, message: 'is not valid JSON' })
    expect((await byEmail(t, owner, 'ana@example.com')).paymentLimits).toEqual({ monthlyMax: '100.25' })
  })
})

describe('onError', () => {
  it('abort (the default) writes nothing when any row is invalid, updates included', async () => {
    const owner = await t.signup()
    const existing = await createCustomer(t, owner, { name: 'Ana', email: 'ana@example.com', tier: 'silver' })
    const before = await allCustomers(t, owner)
    const file = csv(
      'Name,Email,Tier',
      'Ana Updated,ana@example.com,gold',
      'New,new@example.com,gold',
      'Bad,bad@,gold',
    )
    const result = await importFile(t, owner, file, { query: { mode: 'upsert' } })
    expect(result).toMatchObject({
      status: 'failed',
      failure: { code: 'invalid_rows' },
      counts: { rows: 3, valid: 2, invalid: 1, created: 0, updated: 0 },
    })
    expect(await allCustomers(t, owner)).toEqual(before)
    expect((await t.request('GET', customersPath(existing.id), { as: owner })).body.tier).toBe('silver')
  })

  it('skip writes the valid rows and reports the rest', async () => {
    const owner = await t.signup()
    const file = csv('Name,Email', 'Ana,ana@example.com', 'Bad,bad@', 'Bruno,bruno@example.com')
    const result = await importFile(t, owner, file, { query: { onError: 'skip' } })
    expect(result).toMatchObject({
      status: 'completed',
      counts: { rows: 3, valid: 2, invalid: 1, created: 2 },
    })
    expect(result.errors).toEqual([expect.objectContaining({ line: 3, field: 'email' })])
    expect((await allCustomers(t, owner)).map((c) => c.name)).toEqual(['Ana', 'Bruno'])
  })
})

describe('modes', () => {
  async function seeded() {
    const owner = await t.signup()
    const ana = await createCustomer(t, owner, {
      name: 'Ana',
      email: 'Ana@Example.com',
      customId: 'C-1',
      phone: '+351 912 345 678',
      tags: ['old'],
    })
    const bruno = await createCustomer(t, owner, {
      name: 'Bruno',
      email: 'bruno@example.com',
      customId: 'C-2',
    })
    return { owner, ana, bruno }
  }

  it('create: a row for an existing customer (email in another case) is an error naming them', async () => {
    const { owner } = await seeded()
    const result = await importFile(t, owner, csv('Name,Email', 'Ana S,ANA@EXAMPLE.COM'))
    expect(result.status).toBe('failed')
    expect(result.errors).toEqual([
      expect.objectContaining({
        line: 2,
        field: 'email',
        value: 'ana@example.com',
        message: 'already belongs to Ana (mode create; use upsert or skip for existing customers)',
      }),
    ])
  })

  it('upsert by email: updates only the columns the file has, leaves unchanged customers alone', async () => {
    const { owner, ana, bruno } = await seeded()
    // Bruno's empty cells are what he has already; Carla is new but the file has no name for her.
    const file = csv(
      'Email,Tags,Tier',
      'ANA@example.com,"new, vip",gold',
      'bruno@example.com,,',
      'Carla@example.com,,',
    )
    const dry = await importFile(t, owner, file, { query: { mode: 'upsert', dryRun: true, onError: 'skip' } })
    expect(dry.counts).toMatchObject({ rows: 3, created: 0, updated: 1, unchanged: 1, invalid: 1 })
    expect(dry.errors).toEqual([expect.objectContaining({ line: 4, field: 'name' })])

    const result = await importFile(
      t,
      owner,
      csv('Email,Tags,Tier', 'ANA@example.com,"new, vip",gold', 'bruno@example.com,,'),
      {
        query: { mode: 'upsert' },
      },
    )
    expect(result.counts).toMatchObject({ created: 0, updated: 1, unchanged: 1 })
    const emptied = await importFile(t, owner, csv('Email,Tier', 'ana@example.com,'), {
      query: { mode: 'upsert' },
    })
    expect(emptied.counts).toMatchObject({ updated: 1 })
    expect((await t.request('GET', customersPath(ana.id), { as: owner })).body.tier).toBeNull()
    await importFile(t, owner, csv('Email,Tier', 'ana@example.com,gold'), { query: { mode: 'upsert' } })
    const after = (await t.request('GET', customersPath(ana.id), { as: owner })).body
    expect(after).toMatchObject({
      name: 'Ana',
      phone: '+351 912 345 678',
      customId: 'C-1',
      tags: ['new', 'vip'],
      tier: 'gold',
    })
    const again = await importFile(t, owner, csv('Email,Tier', 'ana@example.com,gold'), {
      query: { mode: 'upsert' },
    })
    expect(again.counts).toMatchObject({ updated: 0, unchanged: 1 })
    const untouched = (await t.request('GET', customersPath(bruno.id), { as: owner })).body
    expect(untouched.tier).toBeNull()
  })

  it('upsert by custom id: matches on it, may change the email, and refuses an email another customer has', async () => {
    const { owner, ana } = await seeded()
    const file = csv(
      'Custom ID,Name,Email',
      'C-1,Ana Silva,ana.silva@example.com',
      'C-2,Bruno,ana.silva@example.com',
      'C-3,Carla,carla@example.com',
    )
    const conflict = await importFile(t, owner, file, {
      query: { mode: 'upsert', matchBy: 'customId', onError: 'skip' },
    })
    expect(conflict.counts).toMatchObject({ created: 1, updated: 1, invalid: 1 })
    expect(conflict.errors).toEqual([
      expect.objectContaining({
        line: 3,
        field: 'email',
        message: 'appears again: the same email as line 2',
      }),
    ])
    expect((await t.request('GET', customersPath(ana.id), { as: owner })).body).toMatchObject({
      name: 'Ana Silva',
      email: 'ana.silva@example.com',
    })
    const taken = await importFile(t, owner, csv('Custom ID,Email', 'C-2,carla@example.com'), {
      query: { mode: 'upsert', matchBy: 'customId' },
    })
    expect(taken.errors).toEqual([
      expect.objectContaining({ line: 2, field: 'email', message: 'already belongs to Carla' }),
    ])
  })

  it('skip: existing customers are left as they are and counted as skipped', async () => {
    const { owner, ana } = await seeded()
    const result = await importFile(
      t,
      owner,
      csv('Name,Email,Tier', 'Changed,ana@example.com,gold', 'Dora,dora@example.com,'),
      {
        query: { mode: 'skip' },
      },
    )
    expect(result.counts).toMatchObject({ created: 1, skipped: 1, updated: 0 })
    expect((await t.request('GET', customersPath(ana.id), { as: owner })).body).toMatchObject({
      name: 'Ana',
      tier: null,
    })
  })
})

describe('dry run, then run', () => {
  it('a dry run writes nothing; running it imports the stored upload without sending it again', async () => {
    const owner = await t.signup()
    const file = csv('Name,Email', 'Ana,ana@example.com', 'Bruno,bruno@example.com')
    const dry = await importFile(t, owner, file, { query: { dryRun: true } })
    expect(dry).toMatchObject({ status: 'validated', canRun: true, counts: { created: 2 } })
    expect(await allCustomers(t, owner)).toEqual([])

    const run = await t.request('POST', importPath(dry.id, '/run'), { as: owner, body: {} })
    expect(run.status).toBe(201)
    expect(run.body).toMatchObject({
      id: dry.id,
      status: 'completed',
      dryRun: false,
      canRun: false,
      counts: { created: 2 },
    })
    expect((await allCustomers(t, owner)).map((c) => c.name)).toEqual(['Ana', 'Bruno'])

    const twice = await t.request('POST', importPath(dry.id, '/run'), { as: owner, body: {} })
    expect(twice.status).toBe(409)
    expect(twice.headers.get('content-type')).toMatch(/application\/problem\+json/)
  })

  it('a failed import can run again with other options', async () => {
    const owner = await t.signup()
    const failed = await importFile(t, owner, csv('Name,Email', 'Ana,ana@example.com', 'Bad,bad@'))
    expect(failed.status).toBe('failed')
    const run = await t.request('POST', importPath(failed.id, '/run'), {
      as: owner,
      body: { onError: 'skip' },
    })
    expect(run.body).toMatchObject({
      status: 'completed',
      options: { onError: 'skip' },
      counts: { created: 1 },
    })
  })
})

describe('large imports run as a job', () => {
  let big: TestApp
  beforeAll(async () => {
    big = await createTestApp({ env: { IMPORT_INLINE_MAX_BYTES: '0' } })
  })
  afterAll(() => big.close())

  it('answers 202 with a Location, shows rows done of the total, and finishes', async () => {
    const owner = await big.signup()
    const rows = Array.from({ length: 3000 }, (_, i) => `Customer ${i},c${i}@example.com,PT`)
    const res = await upload(big, owner, csv('Name,Email,Country', ...rows))
    expect(res.status).toBe(202)
    expect(res.headers.get('location')).toBe(importPath(res.body.id))
    expect(res.body.progress).toMatchObject({ phase: 'queued', done: 0, total: 3000 })
    let seen = res.body
    while (!['completed', 'failed'].includes(seen.status)) {
      await new Promise((r) => setTimeout(r, 20))
      seen = (await big.request('GET', importPath(res.body.id), { as: owner })).body
      expect(seen.progress.done).toBeLessThanOrEqual(seen.progress.total)
    }
    expect(seen).toMatchObject({ status: 'completed', progress: { phase: 'done', done: 3000, total: 3000 } })
    expect(seen.counts).toMatchObject({ created: 3000 })
  })
})

describe('requests that are not right', () => {
  let owner: Session
  beforeAll(async () => {
    owner = await t.signup()
  })

  const expectProblem = (
    res: { status: number; headers: Headers; body: any },
    status: number,
    code: string,
  ) => {
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/)
    expect(res.body.code).toBe(code)
  }

  it('a form upload or another media type is a 415 that says how to send the file', async () => {
    const form = await upload(t, owner, 'x', { contentType: 'multipart/form-data; boundary=x' })
    expectProblem(form, 415, 'unsupported_media_type')
    expect(form.body.detail).toContain('--data-binary')
    expectProblem(await upload(t, owner, 'x', { contentType: 'image/png' }), 415, 'unsupported_media_type')
  })

  it('options out of range are a 400 naming them', async () => {
    const queries: Record<string, string | object>[] = [
      { mode: 'merge' },
      { onError: 'ignore' },
      { dryRun: 'perhaps' },
      { mapping: '{nope' },
      { mapping: { Email: 'favouriteColour' } },
    ]
    for (const query of queries) {
      const res = await upload(t, owner, csv('Name', 'Ana'), { query })
      expectProblem(res, 400, 'validation_failed')
    }
  })

  it('a JSON body that is not an array fails the import, not the server', async () => {
    const res = await importFile(t, owner, '{"name": "Ana"', { contentType: 'application/json' })
    expect(res).toMatchObject({ status: 'failed', failure: { code: 'invalid_json' } })
  })

  it('a viewer cannot import', async () => {
    const viewer = await t.apiKey(owner, 'viewer')
    expectProblem(await upload(t, viewer, csv('Name', 'Ana')), 403, 'forbidden')
  })

  it('an unknown import is a 404', async () => {
    const res = await t.request('GET', importPath('019a0000-0000-7000-8000-000000000000'), { as: owner })
    expectProblem(res, 404, 'not_found')
  })

  it('a workbook, a PDF or any other binary file is refused as not text, and nothing is kept', async () => {
    const before = await t.db
      .selectFrom('customer_imports')
      .select('id')
      .where('merchant_id', '=', owner.merchantId)
      .execute()
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00])
    const xlsx = await upload(t, owner, zip)
    expectProblem(xlsx, 415, 'unsupported_media_type')
    expect(xlsx.body.detail).toContain('an Excel workbook (.xlsx)')
    expect(xlsx.body.detail).toContain('CSV UTF-8')
    const pdf = await upload(t, owner, new Uint8Array([...Buffer.from('%PDF-1.7\n'), 0x00, 0x01]))
    expect(pdf.body.detail).toContain('a PDF')
    // Text first, then a NUL further on: still refused, whatever its first bytes.
    const noise = new Uint8Array([...Buffer.from(csv('Name', 'Ana')), 0x00, 0xff, 0x13])
    const other = await upload(t, owner, noise)
    expectProblem(other, 415, 'unsupported_media_type')
    expect(other.body.detail).toContain('not a text file')
    const after = await t.db
      .selectFrom('customer_imports')
      .select('id')
      .where('merchant_id', '=', owner.merchantId)
      .execute()
    expect(after).toEqual(before)
  })

  it('a file over IMPORT_MAX_BYTES is a 413, declared or streamed', async () => {
    const small = await createTestApp({ env: { IMPORT_MAX_BYTES: '2048' } })
    try {
      const me = await small.signup()
      const file = csv(
        'Name,Email',
        ...Array.from({ length: 200 }, (_, i) => `Customer ${i},c${i}@example.com`),
      )
      const declared = await upload(small, me, file, { headers: { 'content-length': String(file.length) } })
      expectProblem(declared, 413, 'payload_too_large')
      expect(declared.body.detail).toContain('(2 KB)')
      const stream = new Blob([file]).stream()
      const res = await small.app.request(IMPORT, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', ...me.headers },
        body: stream,
        duplex: 'half',
      } as RequestInit)
      expect(res.status).toBe(413)
      expect(((await res.json()) as { detail: string }).detail).toContain('(2 KB)')
      expect(await allCustomers(small, me)).toEqual([])
      const left = await small.db
        .selectFrom('customer_imports')
        .select('id')
        .where('merchant_id', '=', me.merchantId)
        .execute()
      expect(left).toEqual([])
    } finally {
      await small.close()
    }
  })
})

describe('tenancy', () => {
  it('an import never reads or touches another merchant’s customers, and its import is not found for them', async () => {
    const a = await t.signup({ merchantName: 'A' })
    const b = await t.signup({ merchantName: 'B' })
    const bAna = await createCustomer(t, b, { name: 'B Ana', email: 'ana@example.com', customId: 'C-1' })
    const result = await importFile(t, a, csv('Name,Email,Custom ID', 'A Ana,ana@example.com,C-1'), {
      query: { mode: 'upsert' },
    })
    expect(result.counts).toMatchObject({ created: 1, updated: 0 })
    expect((await t.request('GET', customersPath(bAna.id), { as: b })).body).toMatchObject({ name: 'B Ana' })
    expect((await allCustomers(t, b)).length).toBe(1)

    for (const path of [importPath(result.id), importPath(result.id, '/report.csv')]) {
      expect((await t.request('GET', path, { as: b })).status).toBe(404)
    }
    expect((await t.request('POST', importPath(result.id, '/run'), { as: b, body: {} })).status).toBe(404)
  })
})
