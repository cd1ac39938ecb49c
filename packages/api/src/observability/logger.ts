import { pino } from 'pino'

/**
 * Paths pino censors wherever they appear in a log line's fields: credentials, keys and anything a
 * merchant's customers wrote. Log calls pass ids and counts, not bodies; this is the net below that.
 */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  'token',
  '*.token',
  'apiKey',
  '*.apiKey',
  'key',
  '*.key',
  'xpub',
  '*.xpub',
  'authorization',
  '*.authorization',
  'cookie',
  '*.cookie',
  'headers.authorization',
  'headers.cookie',
  'body',
  '*.body',
  'html',
  '*.html',
  'text',
  '*.text',
]

/** JSON lines on stdout, one logger per process; the level comes from LOG_LEVEL once the config is read. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { service: 'coinbook' },
  redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
})

/** Applies the configured level (LOG_LEVEL from the validated config). */
export function setLogLevel(level: string): void {
  logger.level = level
}
