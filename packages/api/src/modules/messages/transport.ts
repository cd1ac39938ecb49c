import nodemailer, { type Transporter } from 'nodemailer'
import type { Config } from '../../config.js'

type MailConfig = Pick<Config, 'SMTP_URL' | 'MAIL_MAX_CONNECTIONS'>

const transports = new Map<string, Transporter>()

/** One pooled SMTP transport per SMTP_URL and process; null when no SMTP is configured (the Outbox keeps mail). */
export function mailTransport(config: MailConfig): Transporter | null {
  const url = config.SMTP_URL
  if (!url) return null
  let t = transports.get(url)
  if (!t) {
    const u = new URL(url)
    t = nodemailer.createTransport({
      host: u.hostname,
      port: u.port ? Number(u.port) : u.protocol === 'smtps:' ? 465 : 587,
      secure: u.protocol === 'smtps:',
      ...(u.username
        ? { auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } }
        : {}),
      pool: true,
      maxConnections: config.MAIL_MAX_CONNECTIONS,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    })
    transports.set(url, t)
  }
  return t
}

/** Closes the pooled connections (shutdown, tests). */
export function closeMailTransports(): void {
  for (const t of transports.values()) t.close()
  transports.clear()
}

/** `"Name" <address>` parts of MAIL_FROM, so a merchant's sender name can replace the name. */
export function fromAddress(mailFrom: string): string {
  const m = /<([^>]+)>/.exec(mailFrom)
  return (m?.[1] ?? mailFrom).trim()
}
