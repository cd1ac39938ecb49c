import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { canRunBrowser, launchChromium } from './browser'

const baseURL = inject('baseURL')
const run = randomUUID().slice(0, 8)

let browser: Browser
let context: BrowserContext
let page: Page

async function screenshot(name: string) {
  await page.screenshot({ path: `/tmp/coinbook-e2e-${name}.png` })
}

/** A spreadsheet export as Excel on a European locale writes it: byte order mark, semicolons, CRLF. */
const spreadsheet = [
  '\uFEFFFull name;E-mail;Country;Loyalty',
  `Zoë Ωμέγα;zoe.${run}@example.gr;Greece;gold`,
  `李小龍;lee.${run}@example.cn;CN;silver`,
  `Broken Row;not-an-email;PT;gold`,
  '',
].join('\r\n')

describe.skipIf(!canRunBrowser)('a merchant imports customers from a file and exports them again', () => {
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
        email: `import-${run}@example.com`,
        password: 'correct horse battery',
        merchantName: `Import Goods ${run}`,
        name: 'Olive Owner',
      },
      headers: { Origin: baseURL },
    })
    expect(signup.status()).toBe(201)
  })

  afterAll(async () => {
    await context?.close()
    await browser?.close()
  })

  it('checks the file first: how the columns were read, which rows are wrong, nothing written', async () => {
    await page.goto('/customers')
    await page.getByRole('link', { name: 'Import' }).click()
    await page.waitForURL('**/customers/import')
    await page.getByLabel('File', { exact: true }).setInputFiles({
      name: 'contacts.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(spreadsheet),
    })
    await page.getByRole('button', { name: 'Check file' }).click()
    await page.getByText('Checked: nothing is written yet').waitFor()
    expect(await page.getByLabel('Import “E-mail” as').inputValue()).toBe('email')
    expect(await page.getByLabel('Import “Loyalty” as').inputValue()).toBe('')
    const errors = page.getByRole('table', { name: 'Rows with errors' })
    expect(await errors.textContent()).toContain('not-an-email')
    expect(await errors.locator('tbody tr').first().locator('td').first().textContent()).toBe('4')
    await screenshot('import-checked')

    // The customer list is still empty: a check writes nothing.
    const list = await context.request.get('/api/v1/customers')
    expect(((await list.json()) as { data: unknown[] }).data).toHaveLength(0)
  })

  it('maps an unknown column, checks again, imports the valid rows and shows the result', async () => {
    await page.getByLabel('Import “Loyalty” as').selectOption('tier')
    await page.getByRole('button', { name: 'Check again with these columns' }).click()
    await page.getByRole('button', { name: 'Import 2 valid rows, skip 1 row with errors' }).click()
    await page.getByText('Import finished').waitFor()
    expect(await page.getByRole('status').filter({ hasText: 'Import finished' }).textContent()).toContain(
      '2 customers created',
    )
    const report = page.getByRole('link', { name: 'Download the report (CSV)' })
    const reportDownload = page.waitForEvent('download')
    await report.click()
    const reportText = await readFile((await (await reportDownload).path()) as string, 'utf8')
    expect(reportText).toContain('4,E-mail,email,not-an-email')
    await screenshot('import-finished')

    await page.getByRole('link', { name: 'View customers' }).click()
    await page.waitForURL('**/customers')
    await page.getByText('Zoë Ωμέγα').waitFor()
    await page.getByText('李小龍').waitFor()
  })

  it('runs a large file as a job with a progress bar', async () => {
    const rows = Array.from(
      { length: 6000 },
      (_, i) => `Customer ${i} of ${run},bulk.${i}.${run}@example.com,PT`,
    )
    await page.goto('/customers/import')
    await page.getByLabel('File', { exact: true }).setInputFiles({
      name: 'bulk.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(['Name,Email,Country', ...rows].join('\n')),
    })
    await page.getByRole('button', { name: 'Check file' }).click()
    // Over the inline limit, the check runs as a job: the page follows it with a progress bar.
    await page.getByRole('progressbar', { name: 'Import progress' }).waitFor()
    await page.getByRole('button', { name: 'Import 6,000 customers' }).click()
    await page.getByText('Import finished').waitFor({ timeout: 60_000 })
    expect(await page.getByRole('status').filter({ hasText: 'Import finished' }).textContent()).toContain(
      '6,000 customers created',
    )
  })

  it('exports exactly the filtered customers as CSV', async () => {
    await page.goto('/customers?tier=gold')
    await page.getByText('Zoë Ωμέγα').waitFor()
    const download = page.waitForEvent('download')
    await page.getByRole('link', { name: 'Export CSV' }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.csv$/)
    const text = await readFile((await file.path()) as string, 'utf8')
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
    expect(lines[0]).toMatch(
      /^Name,Email,Company,Company ID,Company Email,Tax ID,Phone,Address,City,State,Zip\/Postal Code,Country,VAT Number,Lifetime Value/,
    )
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain(`Zoë Ωμέγα,zoe.${run}@example.gr`)
  })
})
