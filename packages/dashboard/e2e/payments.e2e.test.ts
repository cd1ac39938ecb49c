import { randomUUID } from 'node:crypto'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { canRunBrowser, launchChromium } from './browser'

const baseURL = inject('baseURL')
const run = randomUUID().slice(0, 8)

/**
 * The account xpub at m/44'/60'/0' of the BIP39 test mnemonic "abandon abandon … about" (no passphrase),
 * computed once with @scure/bip39 + @scure/bip32:
 *   HDKey.fromMasterSeed(mnemonicToSeedSync(mnemonic)).derive("m/44'/60'/0'").publicExtendedKey
 * Its first receive addresses (m/44'/60'/0'/0/i) are well known, which is what the test checks.
 */
const ETH_ACCOUNT_XPUB =
  'xpub6DCoCpSuQZB2jawqnGMEPS63ePKWkwWPH4TU45Q7LPXWuNd8TMtVxRrgjtEshuqpK3mdhaWHPFsBngh5GFZaM6si3yZdUsT8ddYM3PwnATt'
const FIRST_ETH_ADDRESS = '0x9858EfFD232B4033E47d90003D41EC34EcaEda94'
const SECOND_ETH_ADDRESS = '0x6Fac4D18c912343BF86fa7049364Dd4E424Ab9C0'
const A_TX_HASH = `0x${'5c'.repeat(32)}`

let browser: Browser
let context: BrowserContext
let page: Page
let customerId: string

async function screenshot(name: string) {
  await page.screenshot({ path: `/tmp/coinbook-e2e-${name}.png` })
}

describe.skipIf(!canRunBrowser)(
  'a merchant connects a wallet, gives a customer an address, checks payments',
  () => {
    beforeAll(async () => {
      browser = await launchChromium()
      context = await browser.newContext({ baseURL, viewport: { width: 1360, height: 860 } })
      page = await context.newPage()
      page.setDefaultTimeout(15_000)
      // Signing up through the API sets the session cookie of this browser context.
      const headers = { Origin: baseURL }
      const signup = await context.request.post('/api/v1/auth/signup', {
        data: {
          email: `wallets-${run}@example.com`,
          password: 'correct horse battery',
          merchantName: `Satoshi Goods ${run}`,
          name: 'Olive Owner',
        },
        headers,
      })
      expect(signup.status()).toBe(201)
      const created = await context.request.post('/api/v1/customers', {
        data: { name: 'Ada Lovelace', email: `ada.${run}@analytical.example`, company: 'Analytical Engines' },
        headers,
      })
      expect(created.status()).toBe(201)
      customerId = ((await created.json()) as { id: string }).id
    })

    afterAll(async () => {
      await context?.close()
      await browser?.close()
    })

    it('saves an Ethereum xpub on the Wallets page and shows its first addresses, never the whole key', async () => {
      await page.goto('/customers')
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Wallets' }).click()
      await page.waitForURL('**/settings/wallets')
      await page.getByText('0 of 7 networks connected.').waitFor()
      const card = page.locator('#wallet-ethereum')
      await card.getByRole('button', { name: 'Connect' }).click()
      const key = card.getByRole('textbox', { name: /Account extended public key/ })

      // A private key is stopped in the browser and wiped from the field.
      await key.fill(
        'xprv9s21ZrQH143K3GJpoapnV8SFfukcVBSfeCficPSGfubmSFDxo1kuHnLisriDvSnRRuL2Qrg5ggqHKNVpxR86QEC8w35uxmGoggxtQTPvfUu',
      )
      await card.getByRole('button', { name: 'Save key' }).click()
      await expect
        .poll(() => card.locator('#field-xpub-error').textContent())
        .toContain('This is a private key')
      expect(await key.inputValue()).toBe('')

      // A key the API rejects: its message next to the field.
      await key.fill('xpub-this-is-not-a-key')
      await card.getByRole('button', { name: 'Save key' }).click()
      await expect
        .poll(() => card.locator('#field-xpub-error').textContent())
        .toContain('Not an extended public key')
      expect(await key.evaluate((el) => el === document.activeElement)).toBe(true)

      await key.fill(ETH_ACCOUNT_XPUB)
      await card.getByRole('button', { name: 'Save key' }).click()
      await card.getByText('Ethereum wallet saved.').waitFor()
      await card.getByText('Check that these match the first receive addresses in your wallet').waitFor()
      const first = card.getByRole('list', { name: 'First receive addresses' }).getByRole('listitem')
      expect(await first.count()).toBe(3)
      expect(await first.nth(0).textContent()).toContain(`m/44'/60'/0'/0/0${FIRST_ETH_ADDRESS}`)
      expect(await first.nth(1).textContent()).toContain(SECOND_ETH_ADDRESS)
      expect(await card.getByText('Connected', { exact: true }).count()).toBe(1)
      // Only a preview of the key is shown back.
      expect(await page.content()).not.toContain(ETH_ACCOUNT_XPUB)
      const facts = await card.locator('.wallet-facts').textContent()
      expect(facts).toContain('xpub6DCo…PwnATt')
      expect(facts).not.toContain('Address type')
      await page.getByText('1 of 7 networks connected.').waitFor()
      await screenshot('wallets')
    })

    it('gets an ETH address with its QR code on the customer’s Addresses tab', async () => {
      await page.goto(`/customers/${customerId}?tab=addresses`)
      await page.getByRole('heading', { level: 1, name: 'Ada Lovelace' }).waitFor()
      await page.getByText('No deposit addresses yet').waitFor()
      const coin = page.getByRole('combobox', { name: 'Coin' })

      // Bitcoin has no wallet yet: the merchant is sent to set one up.
      await coin.selectOption({ label: 'BTC on Bitcoin (no wallet yet)' })
      await page.getByRole('button', { name: 'Get address' }).click()
      await page.getByText('Set up a Bitcoin wallet first').waitFor()
      expect(await page.getByRole('link', { name: 'Go to Wallets' }).getAttribute('href')).toBe(
        '/settings/wallets?connect=bitcoin',
      )

      await coin.selectOption({ label: 'ETH on Ethereum' })
      await page.getByRole('button', { name: 'Get address' }).click()
      const address = page.getByTestId('deposit-address')
      await expect.poll(() => address.textContent()).toBe(FIRST_ETH_ADDRESS)
      await page.getByText(`ethereum:${FIRST_ETH_ADDRESS}@1`).waitFor()
      await page.getByText("m/44'/60'/0'/0/0").first().waitFor()
      const qr = page.getByRole('img', { name: 'QR code of the ETH on Ethereum payment link' })
      expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;utf8,%3Csvg/)
      // The SVG decodes as an image.
      await expect
        .poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
        .toBeGreaterThan(0)
      await page.getByRole('button', { name: 'Copy address' }).waitFor()
      await page.getByRole('button', { name: 'Copy URI' }).waitFor()
      await expect.poll(() => page.locator('.deposit-table tbody tr').count()).toBe(1)
      await screenshot('addresses')

      // Asking again gives the same address; "New address" gives the next one after a confirmation.
      await page.getByRole('button', { name: 'Get address' }).click()
      await expect.poll(() => address.textContent()).toBe(FIRST_ETH_ADDRESS)
      await page.getByRole('button', { name: 'New address' }).click()
      const dialog = page.getByRole('dialog')
      await dialog.getByText('keeps working').waitFor()
      await screenshot('new-address')
      await dialog.getByRole('button', { name: 'Create new address' }).click()
      await expect.poll(() => address.textContent()).toBe(SECOND_ETH_ADDRESS)
      await expect.poll(() => page.locator('.deposit-table tbody tr').count()).toBe(2)
    })

    it('shows no payments yet for the customer and the merchant, with working filters', async () => {
      await page.getByRole('tab', { name: 'Payments' }).click()
      await page.getByText('No payments yet').waitFor()
      await page.getByText(/Payments to Ada Lovelace’s deposit addresses appear here/).waitFor()
      await screenshot('customer-payments')

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Payments' }).click()
      await page.waitForURL('**/payments')
      await page.getByRole('heading', { level: 1, name: 'Payments' }).waitFor()
      await page.getByText('No payments yet').waitFor()
      await page.getByRole('combobox', { name: 'Status' }).selectOption('pending')
      await page.waitForURL(/status=pending/)
      await page.getByText('No payments match').waitFor()
      await page.getByRole('button', { name: 'Clear filters' }).first().click()
      await page.getByText('No payments yet').waitFor()
    })

    it('explains that a transaction cannot be verified without a node for its network', async () => {
      const form = page.getByRole('form', { name: 'Verify a transaction' })
      await form.getByRole('button', { name: 'Verify' }).click()
      await expect
        .poll(() => page.locator('#field-txHash-error').textContent())
        .toContain('Paste the transaction hash')

      await form.getByRole('combobox', { name: 'Network' }).selectOption('ethereum')
      await form.getByRole('textbox', { name: 'Transaction hash' }).fill(A_TX_HASH)
      await form.getByRole('button', { name: 'Verify' }).click()
      await page.getByText('Ethereum transactions cannot be verified right now').waitFor()
      await page.getByText('No Ethereum node is configured, so transactions cannot be verified.').waitFor()
      await page.getByText('ETHEREUM_RPC_URLS').waitFor()
      await screenshot('payments')
    })
  },
)
