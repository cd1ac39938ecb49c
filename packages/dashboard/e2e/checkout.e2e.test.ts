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
const USDT = { asset: 'USDT', network: 'arbitrum' } as const

let f: EvmFixture
let api: RunningApi
let dataDir: string
let browser: Browser
let merchant: BrowserContext
let payer: BrowserContext
let page: Page
let payUrl: string
/** "100.5" USDT in base units (6 decimals). */
function usdtUnits(amount: string): bigint {
  const [whole = '0', fraction = ''] = amount.split('.')
  return BigInt(whole + fraction.padEnd(6, '0'))
}

/** Every path the payer's browser asked the server for. */
const requested: string[] = []
// What the browser refused under the page's Content-Security-Policy (it says so on the console).
const blocked: string[] = []

/** The merchant's calls, with the session cookie of its browser context and the Origin the API checks. */
async function call(req: APIRequestContext, method: 'post' | 'put', path: string, data: unknown) {
  const res = await req[method](path, { data, headers: { Origin: api.baseURL } })
  const body = await res.json()
  if (res.status() >= 300) throw new Error(`${method} ${path}: ${res.status()} ${JSON.stringify(body)}`)
  return body
}

async function screenshot(name: string) {
  await page.screenshot({ path: `/tmp/coinbook-e2e-${name}.png`, fullPage: true })
}

describe.skipIf(!canRunBrowser)('a customer pays an invoice in USDT from its pay link', () => {
  beforeAll(async () => {
    // A chain of the test's own (anvil with a deployed 6-decimal USDT) and a server of its own that scans
    // it every second and calls a payment confirmed after 2 blocks.
    f = await evmFixture()
    dataDir = await mkdtemp(join(tmpdir(), 'coinbook-e2e-checkout-'))
    api = await startApi({
      COINBOOK_DATA_DIR: dataDir,
      COINBOOK_DASHBOARD_DIR: join(dashboardDir, 'dist'),
      LOG_LEVEL: 'warn',
      COINBOOK_NETWORK_MODE: 'regtest',
      ARBITRUM_RPC_URLS: f.anvil.url,
      ARBITRUM_TOKENS: `USDT:${f.usdt}:6`,
      ARBITRUM_CONFIRMATIONS: '2',
      SCAN_INTERVAL_SECONDS: '1',
      RATES_PROVIDER: 'fixed',
      RATES_FIXED: 'USDT:USD=1,ETH:USD=4000',
    })
    browser = await launchChromium()

    merchant = await browser.newContext({ baseURL: api.baseURL })
    await call(merchant.request, 'post', '/api/v1/auth/signup', {
      email: `checkout-${run}@example.com`,
      password: 'correct horse battery',
      merchantName: `Anvil Goods ${run}`,
    })
    await call(merchant.request, 'put', '/api/v1/wallets/arbitrum', { xpub: publicKeyAt("m/44'/60'/24'") })
    const customer = await call(merchant.request, 'post', '/api/v1/customers', {
      name: 'Ada Lovelace',
      email: `ada.${run}@analytical.example`,
      preferredCoins: [USDT],
    })
    const invoice = await call(merchant.request, 'post', '/api/v1/invoices', {
      customerId: customer.id,
      lines: [
        { description: 'Analytical engine tune-up', quantity: '1', unitAmount: '80.00' },
        { description: 'Punched cards', quantity: '4', unitAmount: '5.00' },
      ],
    })
    const sent = await call(merchant.request, 'post', `/api/v1/invoices/${invoice.id}/send`, {})
    payUrl = sent.payUrl

    // The payer: a phone-sized window, never signed in.
    payer = await browser.newContext({ viewport: { width: 360, height: 740 } })
    page = await payer.newPage()
    page.setDefaultTimeout(15_000)
    page.on('request', (r) => requested.push(new URL(r.url()).pathname))
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) blocked.push(m.text())
    })
  })

  afterAll(async () => {
    await payer?.close()
    await merchant?.close()
    await browser?.close()
    await api?.stop()
    await f?.stop()
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  })

  it('shows the invoice, picks USDT with the keyboard, pays on chain and turns to Paid without a reload', async () => {
    expect(payUrl).toMatch(new RegExp(`^${api.baseURL}/pay/[A-Za-z0-9_-]{43}$`))
    const response = await page.goto(payUrl)
    // The page's own policy: only this origin's scripts, nothing framed, the link never sent as a referrer.
    const headers = response?.headers() ?? {}
    expect(headers['content-security-policy']).toContain("script-src 'self'")
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(headers['referrer-policy']).toBe('no-referrer')
    expect(headers['cache-control']).toBe('no-store')
    await page.getByRole('heading', { level: 1, name: `Anvil Goods ${run}` }).waitFor()
    await page.getByRole('heading', { name: /^Invoice INV-\d{6}$/ }).waitFor()
    await page.getByText('Analytical engine tune-up').waitFor()
    expect(await page.getByTestId('amount-due').textContent()).toBe('$100.00')
    expect(await page.getByTestId('checkout-status').textContent()).toBe('Waiting for payment')
    // The pay link (a capability) is never sent on as a referrer by anything the page links to.
    expect(await page.locator('meta[name="referrer"]').getAttribute('content')).toBe('no-referrer')
    expect(await page.title()).toBe(
      `Pay ${await page.locator('#checkout-invoice-title').evaluate((h) => h.textContent?.replace('Invoice ', ''))} · Anvil Goods ${run}`,
    )
    // Fits the phone: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await screenshot('checkout-open')

    // The first stop of the keyboard is the customer's preferred coin.
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '')
    expect(focused).toContain('USDT on Arbitrum One')
    expect(focused).toContain('Preferred')
    await page.keyboard.press('Enter')

    await page.getByRole('heading', { name: 'Send 100\u00a0USDT' }).waitFor()
    const qr = page.getByRole('img', { name: /^QR code to pay 100.USDT/ })
    await expect
      .poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0)
    const address = (await page.getByTestId('quote-address').textContent()) ?? ''
    const amount = (await page.getByTestId('quote-amount').textContent()) ?? ''
    expect(address).toMatch(/^0x[0-9a-fA-F]{40}$/)
    expect(amount).toBe('100')
    const uri = await page.getByRole('link', { name: 'Open in wallet' }).getAttribute('href')
    expect(uri?.toLowerCase()).toContain(
      `ethereum:${f.usdt.toLowerCase()}@31337/transfer?address=${address.toLowerCase()}`,
    )
    await page.getByText(/Rate locked for 1[45]:\d\d/).waitFor()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await screenshot('checkout-quote')

    // A real USDT transfer of the quoted amount to the quoted address; one block, so 1 of 2 confirmations.
    await f.payToken(f.usdt, address as `0x${string}`, usdtUnits(amount))
    await page.getByText(/seen, 1 of 2 confirmations/).waitFor({ timeout: 30_000 })
    expect(await page.getByTestId('checkout-status').textContent()).toBe('Payment seen, confirming')
    await screenshot('checkout-seen')

    await f.mine(1)
    await expect
      .poll(() => page.getByTestId('checkout-status').textContent(), { timeout: 30_000 })
      .toBe('Paid')
    await page.getByText('$100.00 received. Thank you!').waitFor()
    expect(await page.getByRole('link', { name: 'Open in wallet' }).count()).toBe(0)
    await screenshot('checkout-paid')

    // One page load, no session asked for, and none of the dashboard's own code downloaded.
    expect(requested.filter((p) => p.startsWith('/pay/'))).toHaveLength(1)
    expect(requested).not.toContain('/api/v1/auth/me')
    expect(requested.some((p) => /\/assets\/App-[^/]+\.js$/.test(p))).toBe(false)
    expect(requested.some((p) => p.endsWith('/events'))).toBe(true)
    // Everything above (the QR code's data: image, the live events, the styles) ran under that policy.
    expect(blocked).toEqual([])
  })

  it('shows a plain "not valid" page for an unknown pay link, without asking anyone to log in', async () => {
    await page.goto(`${api.baseURL}/pay/${'x'.repeat(43)}`)
    await page.getByRole('heading', { name: 'This payment link is not valid' }).waitFor()
    expect(new URL(page.url()).pathname).toBe(`/pay/${'x'.repeat(43)}`)
  })
})
