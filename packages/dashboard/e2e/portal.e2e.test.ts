import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { canRunBrowser, launchChromium } from './browser'
import { apiDir, dashboardDir, type RunningApi, startApi } from './server'

// The API package's real SMTP server and mail parser: the sign-in link is read from a delivered email.
const apiRequire = createRequire(join(apiDir, 'package.json'))
const { SMTPServer } = apiRequire('smtp-server') as {
  SMTPServer: new (
    opts: Record<string, unknown>,
  ) => {
    listen: (port: number, host: string, cb: () => void) => void
    close: (cb: () => void) => void
    server: { address: () => { port: number } }
  }
}
const { simpleParser } = apiRequire('mailparser') as {
  simpleParser: (b: Buffer) => Promise<{ to?: { text: string }; subject?: string; text?: string }>
}

const run = randomUUID().slice(0, 8)
const email = `portal-${run}@example.com`
const mails: { to: string; subject: string; text: string }[] = []

let smtp: InstanceType<typeof SMTPServer>
let api: RunningApi
let dataDir: string
let browser: Browser
let merchant: BrowserContext
let customer: BrowserContext
let page: Page
let merchantId: string
let customerId: string
let invoiceNumber: string

/** Polls the SMTP server's mailbox for a mail to `to` whose subject matches. */
async function waitForMail(to: string, subject: RegExp, after = 0) {
  let found: (typeof mails)[number] | undefined
  await expect
    .poll(
      () => {
        found = mails.slice(after).find((m) => m.to.includes(to) && subject.test(m.subject))
        return Boolean(found)
      },
      { timeout: 30_000, interval: 250 },
    )
    .toBe(true)
  return found as (typeof mails)[number]
}

describe.skipIf(!canRunBrowser)(
  'a customer signs in to the portal with an emailed link and edits their details',
  () => {
    beforeAll(async () => {
      smtp = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        logger: false,
        onData(stream: NodeJS.ReadableStream, _s: unknown, cb: (err?: Error) => void) {
          const chunks: Buffer[] = []
          stream.on('data', (c: Buffer) => chunks.push(c))
          stream.on('end', () => {
            simpleParser(Buffer.concat(chunks)).then(
              (m) => {
                mails.push({ to: m.to?.text ?? '', subject: m.subject ?? '', text: m.text ?? '' })
                cb()
              },
              (err: Error) => cb(err),
            )
          })
        },
      })
      await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r))
      dataDir = await mkdtemp(join(tmpdir(), 'coinbook-portal-e2e-'))
      // Its own server (the built dashboard of global setup), sending mail to this file's SMTP server every second.
      api = await startApi({
        COINBOOK_DATA_DIR: dataDir,
        COINBOOK_DASHBOARD_DIR: join(dashboardDir, 'dist'),
        LOG_LEVEL: 'warn',
        SMTP_URL: `smtp://127.0.0.1:${smtp.server.address().port}`,
        MAIL_FROM: 'Shop <billing@shop.test>',
        MAIL_SEND_INTERVAL_SECONDS: '1',
      })
      browser = await launchChromium()
      merchant = await browser.newContext({ baseURL: api.baseURL })
      const headers = { Origin: api.baseURL }
      const signup = await merchant.request.post('/api/v1/auth/signup', {
        data: {
          email: `owner-${run}@example.com`,
          password: 'correct horse battery',
          merchantName: 'Portal Goods',
        },
        headers,
      })
      expect(signup.status()).toBe(201)
      merchantId = (await signup.json()).merchant.id
      const created = await merchant.request.post('/api/v1/customers', {
        data: { name: 'Nora Client', email },
        headers,
      })
      expect(created.status()).toBe(201)
      customerId = (await created.json()).id
      const draft = await merchant.request.post('/api/v1/invoices', {
        data: {
          customerId,
          currency: 'USD',
          lines: [{ description: 'Consulting', quantity: 1, unitAmount: '120' }],
        },
        headers,
      })
      expect(draft.status(), await draft.text()).toBe(201)
      const sent = await merchant.request.post(`/api/v1/invoices/${(await draft.json()).id}/send`, {
        headers,
      })
      expect(sent.status(), await sent.text()).toBeLessThan(300)
      invoiceNumber = (await sent.json()).number
      // The customer has their own browser: no merchant session in it.
      customer = await browser.newContext({ baseURL: api.baseURL, viewport: { width: 1100, height: 900 } })
      page = await customer.newPage()
      page.setDefaultTimeout(20_000)
    })

    afterAll(async () => {
      await customer?.close()
      await merchant?.close()
      await browser?.close()
      await api?.stop()
      await new Promise<void>((r) => (smtp ? smtp.close(r) : r()))
      if (dataDir) await rm(dataDir, { recursive: true, force: true })
    })

    it('asks for a link, opens it from the email and sees the invoice with its checkout link', async () => {
      await page.goto(`/portal/${merchantId}`)
      await page.getByLabel('Your email').fill(email)
      await page.getByRole('button', { name: 'Email me a sign-in link' }).click()
      await expect.poll(() => page.getByText('Check your email').isVisible()).toBe(true)

      const mail = await waitForMail(email, /sign-in link/)
      const link = /(http:\/\/127\.0\.0\.1:\d+\/portal\/\S+)/.exec(mail.text)?.[1] ?? ''
      expect(link).toContain(`/portal/${merchantId}/enter#token=`)
      await page.goto(link)
      await expect
        .poll(() => page.getByRole('heading', { name: 'Hello, Nora Client' }).isVisible())
        .toBe(true)
      // The token left the address bar.
      expect(page.url()).toBe(`${api.baseURL}/portal/${merchantId}`)
      await page.screenshot({ path: '/tmp/coinbook-e2e-portal-account.png', fullPage: true })

      const pay = page.getByRole('link', { name: `Pay ${invoiceNumber}` })
      expect(await pay.getAttribute('href')).toMatch(/\/pay\//)

      // The same link again: spent.
      const again = await customer.newPage()
      await again.goto(link)
      await again.waitForLoadState('networkidle')
      await again.screenshot({ path: '/tmp/coinbook-e2e-portal-reused.png' })
      await expect
        .poll(() => again.locator('body').textContent(), { timeout: 20_000 })
        .toMatch(/expired or was already used/)
      await again.close()
    })

    it('edits details and a refund address; the merchant sees the changes as the customer’s, and an email goes out', async () => {
      const before = mails.length
      await page.getByLabel('Phone').fill('+351 912 345 678')
      await page.getByLabel('City').fill('Porto')
      await page.getByLabel('Country (2 letters)').fill('PT')
      await page.getByRole('button', { name: 'Save details' }).click()
      await expect.poll(() => page.getByText('Saved.').first().isVisible()).toBe(true)

      // A bad refund address: the API's message under the form, nothing saved.
      const refunds = page.getByRole('form', { name: 'Refund addresses' })
      await refunds.getByLabel('Refund network').selectOption('tron')
      await refunds.getByLabel('Refund address').fill('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed')
      await refunds.getByRole('button', { name: 'Save refund address' }).click()
      await expect.poll(() => refunds.getByText('Not saved').isVisible()).toBe(true)
      await refunds.getByLabel('Refund address').fill('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t')
      await refunds.getByRole('button', { name: 'Save refund address' }).click()
      await expect
        .poll(() => page.getByTestId('refund-addresses').textContent())
        .toContain('tron: TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t')

      const profile = await merchant.request.get(`/api/v1/customers/${customerId}`)
      const body = await profile.json()
      const c = body.customer ?? body
      expect(c.phone).toBe('+351 912 345 678')
      expect(c.billingAddress).toMatchObject({ city: 'Porto', country: 'PT' })
      const events = await merchant.request.get('/api/v1/events?type=customer.updated&limit=50')
      const mine = (
        (await events.json()).data as { data: { object: { id: string }; actor?: unknown } }[]
      ).filter((e) => e.data.object.id === customerId)
      expect(mine).toHaveLength(2)
      for (const e of mine) expect(e.data.actor).toEqual({ type: 'customer', id: customerId, via: 'portal' })

      const updated = await waitForMail(email, /was updated/, before)
      expect(updated.text).toMatch(/were changed: (phone, billing address|refund addresses)/)
    })
  },
)
