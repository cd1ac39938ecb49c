import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publicKeyAt } from '../../chain-watchers/src/derive/account-keys.fixture.js'
import { type EvmFixture, evmFixture } from '../../chain-watchers/test/evm/fixture.js'
import { canRunBrowser, launchChromium } from './browser'
import { dashboardDir, type RunningApi, startApi } from './server'

const run = randomUUID().slice(0, 8)

let f: EvmFixture
let api: RunningApi
let dataDir: string
let browser: Browser
let merchant: BrowserContext
let payer: BrowserContext
let page: Page
let link: { id: string; slug: string; url: string }

/** The merchant's calls, with the session cookie of its browser context and the Origin the API checks. */
async function call(
  req: APIRequestContext,
  method: 'get' | 'post' | 'put' | 'patch',
  path: string,
  data?: unknown,
) {
  const res = await req[method](path, {
    ...(data === undefined ? {} : { data }),
    headers: { Origin: api.baseURL },
  })
  const body = await res.json()
  if (res.status() >= 300) throw new Error(`${method} ${path}: ${res.status()} ${JSON.stringify(body)}`)
  return body
}

describe.skipIf(!canRunBrowser)('a payer pays a payment link in ETH and becomes a customer', () => {
  beforeAll(async () => {
    // A chain of the test's own and a server of its own that scans it every second and calls a payment
    // confirmed after 2 blocks.
    f = await evmFixture()
    dataDir = await mkdtemp(join(tmpdir(), 'coinbook-e2e-links-'))
    api = await startApi({
      COINBOOK_DATA_DIR: dataDir,
      COINBOOK_DASHBOARD_DIR: join(dashboardDir, 'dist'),
      LOG_LEVEL: 'warn',
      COINBOOK_NETWORK_MODE: 'regtest',
      ETHEREUM_RPC_URLS: f.anvil.url,
      ETHEREUM_CONFIRMATIONS: '2',
      SCAN_INTERVAL_SECONDS: '1',
      RATES_PROVIDER: 'fixed',
      RATES_FIXED: 'ETH:USD=4000',
    })
    browser = await launchChromium()
    merchant = await browser.newContext({ baseURL: api.baseURL })
    await call(merchant.request, 'post', '/api/v1/auth/signup', {
      email: `links-${run}@example.com`,
      password: 'correct horse battery',
      merchantName: `Link Shop ${run}`,
    })
    await call(merchant.request, 'put', '/api/v1/wallets/ethereum', { xpub: publicKeyAt("m/44'/60'/74'") })
    link = await call(merchant.request, 'post', '/api/v1/payment-links', {
      title: 'Workshop ticket',
      amount: '20',
      currency: 'USD',
      accepts: [{ asset: 'ETH', network: 'ethereum' }],
      collect: ['name', 'email'],
    })
    payer = await browser.newContext({ viewport: { width: 360, height: 740 } })
    page = await payer.newPage()
    page.setDefaultTimeout(15_000)
  })

  afterAll(async () => {
    await payer?.close()
    await merchant?.close()
    await browser?.close()
    await api?.stop()
    await f?.stop()
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  })

  it('fills in the form, picks ETH, pays on chain, sees Paid; the merchant sees the new customer', async () => {
    const response = await page.goto(`${api.baseURL}${link.url}`)
    expect(response?.headers()['referrer-policy']).toBe('no-referrer')
    await page.getByRole('heading', { level: 1, name: 'Workshop ticket' }).waitFor()
    await page.getByText(`Payment to Link Shop ${run}`).waitFor()

    // Nothing filled in: the API's answers show beside the fields.
    await page.getByRole('button', { name: /^Continue to pay/ }).click()
    await page.getByText('is required: this link asks for your name').waitFor()
    await page.getByLabel('Name').fill('Grace Hopper')
    await page.getByLabel('Email').fill(`Grace.${run}@Navy.example`)
    await page.getByRole('button', { name: /^Continue to pay/ }).click()

    await page.getByRole('button', { name: /ETH on Ethereum/ }).click()
    await page
      .getByTestId('quote-amount')
      .waitFor()
      .catch(async (err) => {
        throw new Error(`no quote: ${await page.locator('main').textContent()}`, { cause: err })
      })
    await page.getByRole('heading', { name: /^Send 0\.005.ETH$/ }).waitFor()
    const address = (await page.getByTestId('quote-address').textContent()) ?? ''
    expect(address).toMatch(/^0x[0-9a-fA-F]{40}$/)
    expect(await page.getByTestId('quote-amount').textContent()).toBe('0.005')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)

    await f.payNative(address as `0x${string}`, '0.005')
    await page.getByRole('heading', { name: 'Payment received' }).waitFor({ timeout: 30_000 })
    await f.mine(1)
    await page.getByRole('heading', { name: 'Paid — thank you' }).waitFor({ timeout: 30_000 })
    await page.screenshot({ path: '/tmp/coinbook-e2e-payment-link-paid.png', fullPage: true })

    const customers = await call(merchant.request, 'get', `/api/v1/customers?q=grace.${run}`)
    expect(customers.data).toHaveLength(1)
    expect(customers.data[0]).toMatchObject({ name: 'Grace Hopper', source: 'payment_link' })

    // The merchant's page lists the link with its one payer, and disables it.
    const admin = await merchant.newPage()
    await admin.goto(`${api.baseURL}/payment-links`)
    const row = admin.getByRole('row', { name: /Workshop ticket/ })
    await row.waitFor()
    expect(await row.getByRole('cell').nth(3).textContent()).toBe('1')
    // Payers: her profile (new, linked), the ETH she paid.
    await admin.getByRole('button', { name: 'Payers of Workshop ticket' }).click()
    const payers = admin.getByRole('dialog', { name: 'Payers of “Workshop ticket”' })
    const payer = payers.getByRole('link', { name: 'Grace Hopper' })
    await payer.waitFor()
    expect(await payer.getAttribute('href')).toBe(`/customers/${customers.data[0].id}`)
    await payers.getByText('New', { exact: true }).waitFor()
    await payers.getByText(/0\.005.ETH on Ethereum/).waitFor()
    await payers.getByRole('button', { name: 'Close' }).click()
    await admin.getByRole('button', { name: 'Disable Workshop ticket' }).click()
    await admin.getByText('“Workshop ticket” is disabled').waitFor()
    await admin.close()

    // A new payer now sees that the link is disabled.
    const fresh = await browser.newContext()
    const other = await fresh.newPage()
    await other.goto(`${api.baseURL}${link.url}`)
    await other.getByRole('heading', { name: 'This payment link is disabled' }).waitFor()
    await fresh.close()
  })
})
