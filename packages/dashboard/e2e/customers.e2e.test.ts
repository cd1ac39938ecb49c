import { randomUUID } from 'node:crypto'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { canRunBrowser, launchChromium } from './browser'

const baseURL = inject('baseURL')
const run = randomUUID().slice(0, 8)
const owner = {
  email: `owner-${run}@example.com`,
  password: 'correct horse battery',
  business: `Acme ${run}`,
}
const customer = {
  name: 'Ada Lovelace',
  email: `ada.${run}@analytical.example`,
  company: 'Analytical Engines',
}

let browser: Browser
let context: BrowserContext
let page: Page

/** The visible part of the page (a full-page shot would repeat the sticky header mid-page). */
async function screenshot(name: string) {
  await page.screenshot({ path: `/tmp/coinbook-e2e-${name}.png` })
}

describe.skipIf(!canRunBrowser)('a merchant manages a customer in the dashboard', () => {
  beforeAll(async () => {
    browser = await launchChromium()
    context = await browser.newContext({ baseURL, viewport: { width: 1360, height: 860 } })
    page = await context.newPage()
    page.setDefaultTimeout(15_000)
  })

  afterAll(async () => {
    await context?.close()
    await browser?.close()
  })

  it('sends a visitor to log in, and signs a new merchant up', async () => {
    await page.goto('/customers')
    await page.waitForURL('**/login')
    await page.getByRole('link', { name: 'Create an account' }).click()

    await page.getByLabel('Business name').fill(owner.business)
    await page.getByLabel('Your name').fill('Olive Owner')
    await page.getByLabel('Work email').fill(owner.email)
    await page.getByLabel('Password').fill('short')
    await page.getByRole('button', { name: 'Create account' }).click()
    // The API's own message, next to the field it is about.
    await expect
      .poll(() => page.locator('#field-password-error').textContent())
      .toContain('at least 10 characters')

    await page.getByLabel('Password').fill(owner.password)
    await page.getByRole('button', { name: 'Create account' }).click()
    await page.waitForURL('**/customers')
    await page.getByText('No customers yet').waitFor()
    expect(await page.locator('.topbar').textContent()).toContain(owner.business)
  })

  it('creates a customer, showing the API’s validation messages next to the fields', async () => {
    const field = (name: string) => page.getByRole('textbox', { name, exact: true })
    await page.getByRole('link', { name: 'New customer' }).first().click()
    await page.waitForURL('**/customers/new')
    await field('Name').fill(customer.name)
    await field('Email').fill('not-an-email')
    await field('Phone').fill('+44 20 7946 0000')
    await page.locator('#field-country').selectOption('GB')
    await field('Company').fill('Difference Engines')
    await field('Tags').fill('mathematics')
    await field('Tags').press('Enter')
    await page.getByRole('button', { name: 'Add coin' }).click()
    await page.getByRole('button', { name: 'Create customer' }).click()

    await page.locator('#field-email-error').waitFor()
    expect(await page.locator('#field-email-error').textContent()).toContain('valid email')
    expect(await page.locator('#field-email').evaluate((el) => el === document.activeElement)).toBe(true)

    await field('Email').fill(customer.email)
    await page.getByRole('button', { name: 'Create customer' }).click()
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/)
    await page.getByRole('heading', { level: 1, name: customer.name }).waitFor()
    await page.getByText('was created').waitFor()
  })

  it('finds the customer by part of its email, among others', async () => {
    for (const name of ['Grace Hopper', 'Alan Turing', 'Katherine Johnson']) {
      const slug = name.toLowerCase().replace(' ', '.')
      const res = await context.request.post('/api/v1/customers', {
        data: { name, email: `${slug}.${run}@example.com`, tags: ['pioneer'], tier: 'gold', country: 'US' },
        headers: { Origin: baseURL },
      })
      expect(res.status()).toBe(201)
    }
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click()
    await page.waitForURL('**/customers')
    await page.locator('table tbody tr').nth(3).waitFor()

    await page.keyboard.press('/')
    await page.keyboard.type(`ada.${run}`)
    await page.waitForURL(/[?&]q=ada\./)
    await expect.poll(() => page.locator('table tbody tr').count()).toBe(1)
    expect(await page.locator('table tbody tr').first().textContent()).toContain(customer.name)

    // The empty search shows everyone again; sorting by name puts Ada first.
    await page.getByLabel('Search customers').fill('')
    await expect.poll(() => page.locator('table tbody tr').count()).toBe(4)
    await page.getByRole('button', { name: 'Customer' }).click()
    await page.waitForURL(/sort=name/)
    await expect.poll(() => page.locator('table tbody tr').first().textContent()).toContain('Ada Lovelace')
    await screenshot('list')

    await page.getByLabel('Search customers').fill(`ada.${run}`)
    await expect.poll(() => page.locator('table tbody tr').count()).toBe(1)
  })

  it('opens the profile from the table with the keyboard', async () => {
    // ArrowDown leaves the search box for the results; Enter opens the focused row.
    await page.getByLabel('Search customers').press('ArrowDown')
    const row = page.locator('table tbody tr').first()
    expect(await row.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/)
    await page.getByRole('heading', { level: 1, name: customer.name }).waitFor()
    await page.getByRole('tab', { name: 'Overview' }).waitFor()
    await screenshot('profile')
  })

  it('edits the customer and shows the change on the profile', async () => {
    await page.getByRole('link', { name: 'Edit' }).click()
    await page.waitForURL(/\/edit$/)
    const field = (name: string) => page.getByRole('textbox', { name, exact: true })
    await field('Company').fill(customer.company)
    await field('Tags').fill('vip')
    await field('Tags').press('Enter')
    await screenshot('form')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/)
    await page.getByText('Changes saved.').waitFor()

    const header = await page.locator('.profile-header').textContent()
    expect(header).toContain(customer.company)
    const details = await page.locator('.details').first().textContent()
    expect(details).toContain('vip')
    expect(details).toContain('mathematics')

    await page.getByRole('tab', { name: 'Overview' }).focus()
    await page.keyboard.press('End')
    await page.getByRole('heading', { name: 'Activity' }).waitFor()
    await page.getByText('Updated company and tags').waitFor()
    await screenshot('activity')
  })
})
