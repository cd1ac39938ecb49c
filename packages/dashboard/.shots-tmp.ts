// Temporary visual-review script (not part of the package); deleted after use.
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchChromium } from './e2e/browser'
import { dashboardDir, startApi } from './e2e/server'

const XPUB =
  'xpub6DCoCpSuQZB2jawqnGMEPS63ePKWkwWPH4TU45Q7LPXWuNd8TMtVxRrgjtEshuqpK3mdhaWHPFsBngh5GFZaM6si3yZdUsT8ddYM3PwnATt'
const api = await startApi({
  COINBOOK_DATA_DIR: await mkdtemp(join(tmpdir(), 'shots-')),
  COINBOOK_DASHBOARD_DIR: join(dashboardDir, 'dist'),
  LOG_LEVEL: 'warn',
})
const browser = await launchChromium()
try {
  const ctx = await browser.newContext({ baseURL: api.baseURL, viewport: { width: 1360, height: 860 } })
  const headers = { Origin: api.baseURL }
  await ctx.request.post('/api/v1/auth/signup', {
    data: {
      email: 'o@example.com',
      password: 'correct horse battery',
      merchantName: 'Satoshi Goods',
      name: 'Olive',
    },
    headers,
  })
  const ids: string[] = []
  for (const [name, email] of [
    ['Ada Lovelace', 'ada@example.com'],
    ['Grace Hopper', 'grace@example.com'],
    ['Alan Turing', 'alan@example.com'],
  ]) {
    const r = await ctx.request.post('/api/v1/customers', { data: { name, email }, headers })
    ids.push((await r.json()).id)
  }
  await ctx.request.fetch('/api/v1/wallets/ethereum', { method: 'PUT', data: { xpub: XPUB }, headers })
  const now = Date.now()
  const iso = (minAgo: number) => new Date(now - minAgo * 60_000).toISOString()
  const hash = (c: string) => `0x${c.repeat(64).slice(0, 64)}`
  const pay = (i: number, o: Record<string, unknown>) => ({
    id: `0190a000-0000-7000-8000-${String(i).padStart(12, '0')}`,
    customerId: ids[i % 3],
    network: 'ethereum',
    asset: 'ETH',
    txHash: hash('a1b2c3d4e5f6'.slice(i % 6)),
    eventIndex: 0,
    from: null,
    to: '0x9858EfFD232B4033E47d90003D41EC34EcaEda94',
    amount: '0.25',
    amountBaseUnits: '250000000000000000',
    fiatCurrency: 'USD',
    fiatValue: '812.40',
    rate: '3249.6',
    status: 'confirmed',
    confirmations: 40,
    requiredConfirmations: 12,
    blockNumber: 100,
    blockTime: iso(i * 97 + 3),
    explorerUrl: `https://etherscan.io/tx/${hash('a1b2c3d4e5f6'.slice(i % 6))}`,
    detectedAt: iso(i * 97 + 3),
    confirmedAt: null,
    ...o,
  })
  const payments = [
    pay(0, {
      status: 'pending',
      confirmations: 2,
      requiredConfirmations: 3,
      network: 'bitcoin',
      asset: 'BTC',
      amount: '0.00150000',
      fiatValue: '97.35',
      txHash: 'f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16',
      explorerUrl:
        'https://mempool.space/tx/f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16',
    }),
    pay(1, {
      asset: 'USDT',
      network: 'tron',
      amount: '1250.000000',
      fiatValue: '1250.00',
      txHash: '3c1e0b5a9f0d4c8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c',
      explorerUrl:
        'https://tronscan.org/#/transaction/3c1e0b5a9f0d4c8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c',
    }),
    pay(2, {}),
    pay(3, { status: 'failed', asset: 'USDC', network: 'arbitrum', amount: '300', fiatValue: '300.00' }),
    pay(4, {
      status: 'reorged',
      asset: 'BNB',
      network: 'bsc',
      amount: '1.5',
      fiatValue: null,
      explorerUrl: null,
    }),
    pay(5, { asset: 'USDC', amount: '49.99', fiatValue: '49.99', customerId: null }),
  ]
  const page = await ctx.newPage()
  await page.route(/\/api\/v1\/(payments|customers\/[^/]+\/payments)(\?|$)/, (route) =>
    route.fulfill({ json: { data: payments, nextCursor: 'next' } }),
  )
  await page.route('**/api/v1/payments/verify', (route) =>
    route.fulfill({
      json: {
        data: [
          { ...payments[1], created: true },
          { ...payments[2], created: false },
        ],
        detail: '2 payment(s) to your customers in this transaction',
      },
    }),
  )
  await page.goto('/payments')
  await page.getByText('Grace Hopper').first().waitFor()
  await page.screenshot({ path: '/tmp/shot-payments-list.png' })
  await page.getByRole('textbox', { name: 'Transaction hash' }).fill(payments[1].txHash as string)
  await page.getByRole('button', { name: 'Verify' }).click()
  await page.getByText('1 new payment recorded').waitFor()
  await page.screenshot({ path: '/tmp/shot-verify-ok.png' })
  await page.locator('table tbody tr').first().focus()
  await page.keyboard.press('ArrowDown')
  await page.screenshot({ path: '/tmp/shot-payments-focus.png', fullPage: true })
  await page.goto(`/customers/${ids[0]}?tab=payments`)
  await page.locator('table tbody tr').first().waitFor()
  await page.screenshot({ path: '/tmp/shot-customer-payments.png' })
  await page.goto('/settings/wallets?connect=bitcoin')
  const card = page.locator('#wallet-bitcoin')
  await card
    .getByRole('textbox')
    .fill(
      'xpub6BosfCnifzxcFwrSzQiqu2DBVTshkCXacvNsWGYJVVhhawA7d4R5WSWGFNbi8Aw6ZRc1brxMyWMzG3DSSSSoekkudhUd9yLb6qx39T9nMdj',
    )
  await page.screenshot({ path: '/tmp/shot-wallet-form.png' })
  await card.getByRole('textbox').fill('xpub-nope')
  await card.getByRole('button', { name: 'Save key' }).click()
  await page.locator('#field-xpub-error').waitFor()
  await page.screenshot({ path: '/tmp/shot-wallet-error.png' })
  await card
    .getByRole('textbox')
    .fill(
      'zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs',
    )
  await card.getByRole('button', { name: 'Save key' }).click()
  await card.getByText('Bitcoin wallet saved.').waitFor()
  await page.screenshot({ path: '/tmp/shot-wallets-full.png', fullPage: true })
  await page.goto(`/customers/${ids[1]}?tab=addresses`)
  await page.getByRole('button', { name: 'Attach an existing address' }).click()
  await page.getByRole('textbox', { name: /Address/ }).fill('0xnot-an-address')
  await page.getByRole('button', { name: 'Attach address' }).click()
  await page.locator('#field-address-error').waitFor()
  await page.screenshot({ path: '/tmp/shot-attach-error.png' })
  await page.getByRole('textbox', { name: /Address/ }).fill('0x6Fac4D18c912343BF86fa7049364Dd4E424Ab9C0')
  await page.getByRole('button', { name: 'Attach address' }).click()
  await page.getByText('is attached').waitFor()
  await page.screenshot({ path: '/tmp/shot-attached.png' })
} finally {
  await browser.close()
  await api.stop()
}
