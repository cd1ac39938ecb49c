import { isTransactional, type MessageKind } from '../kinds.js'
import type { EmailTemplate } from './defaults.js'

/** `{{ customer.name }}`: a variable in a subject or a text block. */
const VARIABLE = /\{\{\s*([A-Za-z0-9_.]*)\s*\}\}/g

/** Names of the variables a template uses, in order of first use. */
export function variablesIn(template: EmailTemplate): string[] {
  const found = new Set<string>()
  for (const text of [template.subject, ...Object.values(template.blocks)])
    for (const m of text.matchAll(VARIABLE)) found.add(m[1] ?? '')
  return [...found]
}

function lookup(vars: Record<string, unknown>, path: string): string {
  let v: unknown = vars
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return ''
    v = (v as Record<string, unknown>)[key]
  }
  if (v === null || v === undefined) return ''
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  return typeof v === 'object' ? JSON.stringify(v) : String(v)
}

/** Fills the variables in; a variable without a value renders empty (saving refused unknown names). */
export function fill(text: string, vars: Record<string, unknown>): string {
  return text.replace(VARIABLE, (_, path: string) => lookup(vars, path))
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

const FONT = 'Helvetica, Arial, sans-serif'

/**
 * The one responsive layout every kind shares, compiled by MJML once per process (a compile costs ~15 ms);
 * a message is the compiled HTML with its escaped parts put in the %%SLOTS%%.
 */
function layoutMjml(withButton: boolean): string {
  return `<mjml>
  <mj-head>
    <mj-attributes><mj-all font-family="${FONT}" /><mj-text font-size="15px" line-height="22px" color="#1f2933" /></mj-attributes>
    <mj-preview>%%PREVIEW%%</mj-preview>
  </mj-head>
  <mj-body background-color="#f4f5f7">
    <mj-section padding="24px 0 8px"><mj-column><mj-text font-size="13px" color="#52606d">%%MERCHANT%%</mj-text></mj-column></mj-section>
    <mj-section background-color="#ffffff" border-radius="8px" padding="24px 8px">
      <mj-column>
        <mj-text font-size="22px" line-height="28px" font-weight="bold">%%HEADING%%</mj-text>
        <mj-text>%%INTRO%%</mj-text>
        <mj-text>%%DETAILS%%</mj-text>
        ${withButton ? '<mj-button href="%%BUTTON_HREF%%" background-color="#2563eb" border-radius="6px" font-size="16px">%%BUTTON%%</mj-button><mj-text font-size="12px" color="#52606d">%%BUTTON_FALLBACK%%</mj-text>' : ''}
        <mj-text>%%OUTRO%%</mj-text>
      </mj-column>
    </mj-section>
    <mj-section padding="8px 0 24px"><mj-column><mj-text font-size="12px" color="#7b8794">%%FOOTER%%</mj-text></mj-column></mj-section>
  </mj-body>
</mjml>`
}

const compiled = new Map<boolean, Promise<string>>()

function layout(withButton: boolean): Promise<string> {
  let html = compiled.get(withButton)
  if (!html) {
    // mjml is loaded with the first email: it adds ~55 MB to a process's memory (and 0.5 s to its start).
    html = import('mjml')
      .then(({ default: mjml2html }) => mjml2html(layoutMjml(withButton), { validationLevel: 'strict' }))
      .then((r) => r.html)
    compiled.set(withButton, html)
  }
  return html
}

interface Detail {
  label: string
  value: string
  href?: string
}

function money(vars: Record<string, unknown>, amount: string, currency: string): string {
  const a = lookup(vars, amount)
  return a ? `${a} ${lookup(vars, currency)}`.trim() : ''
}

/** The facts a kind's message always states, under the merchant's text. */
function details(kind: MessageKind, vars: Record<string, unknown>): Detail[] {
  const rows: Detail[] = []
  const add = (label: string, value: string, href?: string) => {
    if (value) rows.push(href ? { label, value, href } : { label, value })
  }
  if (kind.startsWith('subscription_')) {
    add('Plan', lookup(vars, 'subscription.planName'))
    add('Amount', money(vars, 'subscription.amount', 'subscription.currency'))
    if (kind === 'subscription_renewal_upcoming') add('Renews on', lookup(vars, 'subscription.renewalDate'))
  }
  if (lookup(vars, 'invoice.number')) {
    add('Invoice', lookup(vars, 'invoice.number'))
    add('Total', money(vars, 'invoice.total', 'invoice.currency'))
    if (kind !== 'receipt' && kind !== 'overpayment')
      add('Amount due', money(vars, 'invoice.amountDue', 'invoice.currency'))
    add('Due date', lookup(vars, 'invoice.dueDate'))
  }
  if (lookup(vars, 'payment.amount')) {
    add('Paid', `${lookup(vars, 'payment.amount')} ${lookup(vars, 'payment.asset')}`.trim())
    add('Network', lookup(vars, 'payment.network'))
    const tx = lookup(vars, 'payment.txHash')
    add('Transaction', tx, lookup(vars, 'payment.explorerUrl') || undefined)
  }
  if (kind === 'overpayment') add('Credit', money(vars, 'credit.amount', 'credit.currency'))
  return rows
}

function paragraphs(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>')
}

export interface RenderInput {
  kind: MessageKind
  template: EmailTemplate
  variables: Record<string, unknown>
  merchantName: string
  /** Present on non-transactional kinds. */
  unsubscribeUrl?: string | undefined
}

export interface RenderedEmail {
  subject: string
  html: string
  text: string
}

/** Renders a template for one message: HTML (MJML layout) and plain text, links included. */
export async function renderEmail(input: RenderInput): Promise<RenderedEmail> {
  const { kind, template, variables: vars } = input
  const b = template.blocks
  const heading = fill(b.heading, vars)
  const intro = fill(b.intro, vars)
  const outro = fill(b.outro, vars)
  const link = lookup(vars, 'payLink')
  const buttonLabel = fill(b.button, vars)
  const withButton = Boolean(link && buttonLabel)
  const rows = details(kind, vars)
  const unsubscribe = !isTransactional(kind) ? input.unsubscribeUrl : undefined

  const detailsHtml = rows.length
    ? `<table role="presentation" cellpadding="4" cellspacing="0" style="border-collapse:collapse">${rows
        .map(
          (r) =>
            `<tr><td style="color:#52606d;padding-right:16px">${escapeHtml(r.label)}</td><td>${
              r.href
                ? `<a href="${escapeHtml(r.href)}" style="color:#2563eb;word-break:break-all">${escapeHtml(r.value)}</a>`
                : `<span style="word-break:break-all">${escapeHtml(r.value)}</span>`
            }</td></tr>`,
        )
        .join('')}</table>`
    : ''
  const footer = [
    `Sent by ${escapeHtml(input.merchantName)}.`,
    unsubscribe
      ? `<a href="${escapeHtml(unsubscribe)}" style="color:#7b8794">Unsubscribe</a> from these emails.`
      : '',
  ]
    .filter(Boolean)
    .join(' ')
  const slots: Record<string, string> = {
    PREVIEW: escapeHtml(intro.slice(0, 140)),
    MERCHANT: escapeHtml(input.merchantName),
    HEADING: paragraphs(heading),
    INTRO: paragraphs(intro),
    DETAILS: detailsHtml,
    BUTTON_HREF: escapeHtml(link),
    BUTTON: escapeHtml(buttonLabel),
    BUTTON_FALLBACK: withButton
      ? `Or open <a href="${escapeHtml(link)}" style="color:#2563eb;word-break:break-all">${escapeHtml(link)}</a>`
      : '',
    OUTRO: paragraphs(outro),
    FOOTER: footer,
  }
  const html = (await layout(withButton)).replace(/%%([A-Z_]+)%%/g, (m, name: string) => slots[name] ?? m)

  const text = [
    heading,
    intro,
    rows.map((r) => `${r.label}: ${r.value}${r.href ? ` (${r.href})` : ''}`).join('\n'),
    withButton ? `${buttonLabel}: ${link}` : '',
    outro,
    `--\nSent by ${input.merchantName}.${unsubscribe ? `\nUnsubscribe: ${unsubscribe}` : ''}`,
  ]
    .map((s) => s.trim())
    .filter(Boolean)
    .join('\n\n')

  return { subject: fill(template.subject, vars).replace(/\s+/g, ' ').trim(), html, text: `${text}\n` }
}
