import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { canRunBrowser, launchChromium } from './browser'
import { apiDir } from './server'

const baseURL = inject('baseURL')
const run = randomUUID().slice(0, 8)
const tag = `lisbon-vip-${run}`
// The API package's CSV reader: the export is read as a spreadsheet would, quotes and all.
const { parse } = createRequire(join(apiDir, 'package.json'))('csv-parse/sync') as {
  parse: (input: string, options: { bom: boolean; columns: boolean }) => Record<string, string>[]
}

/** Who the merchant has: four in Portugal (two of them gold), one gold in Spain, two in the US. */
const people = [
  { name: 'Ana Costa', country: 'PT', tier: 'gold' },
  { name: 'Bruno Dias', country: 'PT', tier: 'gold' },
  { name: 'Carla Reis', country: 'PT', tier: 'silver' },
  { name: 'Duarte Lima', country: 'PT' },
  { name: 'Elena Ruiz', country: 'ES', tier: 'gold' },
  { name: 'Frank Moss', country: 'US' },
  { name: 'Grace Hill', country: 'US', tier: 'gold' },
]
const members = ['Ana Costa', 'Bruno Dias']

let browser: Browser
let context: BrowserContext
let page: Page
let segmentId: string

async function screenshot(name: string) {
  await page.screenshot({ path: `/tmp/coinbook-e2e-${name}.png` })
}

const count = () => page.getByTestId('segment-count').textContent()

/** Polls the bulk action's progress line until it says the action finished. */
async function bulkDone() {
  const status = page.locator('.bulk-progress')
  await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/done:|failed:/)
  return (await status.textContent()) ?? ''
}

/** Checks every row on the page, then "Select all N matching". */
async function selectAllMatching(n: number) {
  await page.getByLabel('Select all on this page', { exact: true }).check()
  await page.getByRole('button', { name: `Select all ${n} matching` }).click()
  await expect.poll(() => page.getByTestId('bulk-count').textContent()).toBe(`All ${n} matching selected`)
}

describe.skipIf(!canRunBrowser)('a merchant builds a segment, tags its members and exports it', () => {
  beforeAll(async () => {
    browser = await launchChromium()
    context = await browser.newContext({
      baseURL,
      viewport: { width: 1360, height: 900 },
      acceptDownloads: true,
    })
    page = await context.newPage()
    page.setDefaultTimeout(20_000)
    const signup = await context.request.post('/api/v1/auth/signup', {
      data: {
        email: `segments-${run}@example.com`,
        password: 'correct horse battery',
        merchantName: `Segment Goods ${run}`,
        name: 'Olive Owner',
      },
      headers: { Origin: baseURL },
    })
    expect(signup.status()).toBe(201)
    for (const p of people) {
      const res = await context.request.post('/api/v1/customers', {
        data: { ...p, email: `${p.name.toLowerCase().replace(' ', '.')}.${run}@example.com` },
        headers: { Origin: baseURL },
      })
      expect(res.status()).toBe(201)
    }
  })

  afterAll(async () => {
    await context?.close()
    await browser?.close()
  })

  it('builds a rule in the browser and the live count follows each change', async () => {
    await page.goto('/customers')
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Segments' }).click()
    await page.waitForURL('**/segments')
    // An empty rule matches everyone.
    await expect.poll(count).toBe('7 customers match')

    // The first row starts on Country / is: type the value with the keyboard.
    expect(await page.getByLabel('Field 1', { exact: true }).inputValue()).toBe('country')
    await page.getByLabel('Value 1', { exact: true }).click()
    await page.keyboard.type('pt')
    await expect.poll(count).toBe('4 customers match')

    await page.getByRole('button', { name: 'Add condition' }).click()
    await page.getByLabel('Field 2', { exact: true }).selectOption({ label: 'Tier' })
    await page.getByLabel('Value 2', { exact: true }).selectOption('gold')
    await expect.poll(count).toBe('2 customers match')
    const sample = page.getByRole('list', { name: 'First matching customers' })
    await expect
      .poll(async () => (await sample.getByRole('listitem').allTextContents()).sort())
      .toEqual(members)

    // Any instead of all: Portugal or gold.
    await page.getByLabel('Match', { exact: true }).selectOption('any')
    await expect.poll(count).toBe('6 customers match')
    await page.getByLabel('Match', { exact: true }).selectOption('all')
    await expect.poll(count).toBe('2 customers match')
    await screenshot('segment-builder')

    await page.getByLabel('Name', { exact: true }).fill(`Portugal gold ${run}`)
    await page.getByLabel('Name', { exact: true }).press('Enter')
    const saved = page.getByRole('table', { name: 'Saved segments' })
    const row = saved.getByRole('row').filter({ hasText: `Portugal gold ${run}` })
    await row.waitFor()
    await expect.poll(() => row.getByRole('cell').nth(1).textContent()).toBe('2')
  })

  it('opens the segment’s members and tags all of them in one bulk action', async () => {
    await page
      .getByRole('table', { name: 'Saved segments' })
      .getByRole('link', { name: `Portugal gold ${run}` })
      .click()
    await page.waitForURL(/\/customers\?segmentId=[0-9a-f-]{36}/)
    segmentId = new URL(page.url()).searchParams.get('segmentId') as string
    // The list is filtered by the segment: its chip is on.
    const chip = page.getByRole('group', { name: 'Segments' }).getByRole('button', {
      name: `Portugal gold ${run}`,
      exact: true,
    })
    await expect.poll(() => chip.getAttribute('aria-pressed')).toBe('true')
    const rows = page.getByRole('table', { name: 'Customers' }).locator('tbody tr')
    await expect.poll(() => rows.count()).toBe(2)
    expect((await rows.allTextContents()).join(' ')).toMatch(
      /Ana Costa[\s\S]*Bruno Dias|Bruno Dias[\s\S]*Ana Costa/,
    )

    await selectAllMatching(2)
    await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Add tags' })
    await page.getByLabel('Tags', { exact: true }).fill(tag)
    await screenshot('segment-bulk-bar')
    await page.getByRole('button', { name: 'Apply' }).click()
    expect(await bulkDone()).toContain('done: 2 of 2 customers changed')
    await screenshot('segment-tagged')

    // Exactly the segment's members carry the tag; everyone else is as they were.
    const tagged = await context.request.get(`/api/v1/customers?tag=${encodeURIComponent(tag)}&limit=100`)
    expect(tagged.status()).toBe(200)
    const names = ((await tagged.json()) as { data: { name: string; tags: string[] }[] }).data
      .map((c) => c.name)
      .sort()
    expect(names).toEqual(members)
    const all = (await (await context.request.get('/api/v1/customers?limit=100')).json()) as {
      data: { name: string; tags: string[] }[]
    }
    expect(all.data).toHaveLength(people.length)
    for (const c of all.data) expect(c.tags.includes(tag)).toBe(members.includes(c.name))
  })

  it('exports the segment as CSV with its members’ rows', async () => {
    await page.getByRole('button', { name: 'Dismiss' }).click()
    await selectAllMatching(2)
    await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Export CSV' })
    await page.getByRole('button', { name: 'Apply' }).click()
    expect(await bulkDone()).toContain('(exported)')
    const download = page.waitForEvent('download')
    await page.getByRole('link', { name: 'Download CSV' }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^customers-[0-9a-f-]{36}\.csv$/)
    const rows = parse(await readFile((await file.path()) as string, 'utf8'), { bom: true, columns: true })
    expect(rows.map((r) => r.Name).sort()).toEqual(members)
    for (const r of rows) {
      expect(r.Country).toBe('PT')
      expect(r.Tags).toContain(tag)
      expect(r.Email).toMatch(new RegExp(`\\.${run}@example\\.com$`))
    }

    // The list's own export link gives the same customers for the segment.
    const direct = page.waitForEvent('download')
    await page.getByRole('link', { name: 'Export CSV' }).click()
    const listed = parse(await readFile((await (await direct).path()) as string, 'utf8'), {
      bom: true,
      columns: true,
    })
    expect(listed.map((r) => r.Name).sort()).toEqual(members)
  })

  it('writes one message to the segment’s members', async () => {
    await page.getByRole('button', { name: 'Dismiss' }).click()
    await selectAllMatching(2)
    await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Send message' })
    await page.getByRole('button', { name: 'Apply' }).click()
    const dialog = page.getByRole('dialog', { name: 'Send a message' })
    await dialog.getByRole('textbox', { name: 'Subject' }).fill('Our Lisbon shop opens, {{customer.name}}')
    await dialog
      .getByRole('textbox', { name: 'Message' })
      .fill('Hello {{customer.name}},\nyou are invited on Monday.')
    await expect
      .poll(() => dialog.getByTestId('message-reach').textContent())
      .toBe('2 of 2 customers will get it.')
    await expect
      .poll(() => dialog.getByTestId('message-preview-subject').textContent())
      .toBe('Our Lisbon shop opens, Ana Costa')
    // The first recipient's copy, as the email's HTML renders it.
    const copy = dialog.frameLocator('iframe[title="Message preview"]').locator('body')
    // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered (the <br>, not the hidden preheader)
    const shown = () => copy.innerText()
    await expect.poll(shown).toContain('Hello Ana Costa,\nyou are invited on Monday.')
    expect(await shown()).toContain('Unsubscribe')
    await screenshot('segment-message')
    await dialog.getByRole('button', { name: 'Send to 2 customers' }).click()
    expect(await bulkDone()).toContain('done: queued for 2 of 2 customers.')

    const log = (await (await context.request.get('/api/v1/messages?kind=announcement')).json()) as {
      data: { customerId: string; subject: string; status: string }[]
    }
    expect(log.data.map((m) => m.subject).sort()).toEqual(members.map((n) => `Our Lisbon shop opens, ${n}`))
    const seg = await context.request.get(`/api/v1/customers?segmentId=${segmentId}&limit=100`)
    const ids = ((await seg.json()) as { data: { id: string }[] }).data.map((c) => c.id).sort()
    expect(log.data.map((m) => m.customerId).sort()).toEqual(ids)
  })
})
