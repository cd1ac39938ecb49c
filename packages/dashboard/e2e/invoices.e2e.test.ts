import { randomUUID } from 'node:crypto'
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { publicKeyAt } from '../../chain-watchers/src/derive/account-keys.fixture.js'
import { canRunBrowser, launchChromium } from './browser'

const baseURL = inject('baseURL')
const run = randomUUID().slice(0, 8)

let browser: Browser
let context: BrowserContext
let page: Page
let customerName: string

/** The merchant's calls, with the session cookie of its browser context and the Origin the API checks. */
async function call(req: APIRequestContext, method: 'post' | 'put', path: string, data: unknown) {
  const res = await req[method](path, { data, headers: { Origin: baseURL } })
  const body = await res.json()
  if (res.status() >= 300) throw new Error(`${method} ${path}: ${res.status()} ${JSON.stringify(body)}`)
  return body
}

describe.skipIf(!canRunBrowser)('a merchant writes an invoice in the editor and sends it', () => {
  beforeAll(async () => {
    browser = await launchChromium()
    context = await browser.newContext({ baseURL, viewport: { width: 1360, height: 900 } })
    page = await context.newPage()
    page.setDefaultTimeout(15_000)
    await call(context.request, 'post', '/api/v1/auth/signup', {
      email: `invoices-${run}@example.com`,
      password: 'correct horse battery',
      merchantName: `Editor Goods ${run}`,
    })
    await call(context.request, 'put', '/api/v1/wallets/ethereum', { xpub: publicKeyAt("m/44'/60'/37'") })
    await call(context.request, 'post', '/api/v1/tax-rates', { name: 'VAT', percentage: '23' })
    customerName = `Grace Hopper ${run}`
    await call(context.request, 'post', '/api/v1/customers', {
      name: customerName,
      email: `grace.${run}@example.com`,
      preferredFiat: 'USD',
    })
  })

  afterAll(async () => {
    await context?.close()
    await browser?.close()
  })

  it('prices the lines live, sends the invoice and finds it in the list', async () => {
    await page.goto('/invoices')
    await page.getByRole('link', { name: 'New invoice' }).click()
    await page.waitForURL('**/invoices/new')

    // The customer, found by typing and picked with the keyboard.
    const picker = page.getByRole('combobox', { name: 'Customer' })
    await picker.fill('grace')
    await page.getByRole('option', { name: new RegExp(customerName) }).waitFor()
    await picker.press('ArrowDown')
    await picker.press('Enter')
    await page.getByText(customerName).waitFor()

    await page.getByLabel('Line 1 description').fill('Compiler consulting')
    await page.getByLabel('Line 1 quantity').fill('3')
    await page.getByLabel('Line 1 unit price').fill('0.10')
    await page.getByRole('button', { name: 'Add line' }).click()
    await page.getByLabel('Line 2 description').fill('Nanosecond wire')
    await page.getByLabel('Line 2 quantity').fill('1.5')
    await page.getByLabel('Line 2 unit price').fill('0.333333')
    await page.getByLabel('Line 2 tax').selectOption({ label: 'VAT (23%)' })
    const totals = page.getByLabel('Totals')
    await expect.poll(() => totals.textContent()).toContain('Total$0.92')
    expect(await totals.textContent()).toContain('VAT 23%$0.12')
    await page.getByRole('checkbox', { name: 'ETH on Ethereum' }).check()
    await page.screenshot({ path: '/tmp/coinbook-e2e-invoice-editor.png', fullPage: true })

    await page.getByRole('button', { name: 'Save and send' }).click()
    await page.waitForURL(/\/invoices\/[0-9a-f-]{36}$/)
    await page.getByText(/was sent/).waitFor()
    await page.getByRole('heading', { name: 'Pay link' }).waitFor()
    // The server priced it exactly as the editor showed.
    expect(await page.getByLabel('Totals').textContent()).toContain('Total$0.92')
    const number = (await page.locator('h1').textContent())?.match(/INV-\d+/)?.[0]
    expect(number).toBeTruthy()

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Invoices' }).click()
    await page.waitForURL('**/invoices')
    const row = page.locator('table tbody tr', { hasText: number as string })
    await row.waitFor()
    expect(await row.textContent()).toContain('Open')
    expect(await row.textContent()).toContain(customerName)
  })
})
