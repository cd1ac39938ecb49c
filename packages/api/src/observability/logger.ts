import { type DestinationStream, pino } from 'pino'
import { currentLogContext } from './log-context.js'

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

/** Where lines go: stdout (flushed on exit), unless `setLogDestination` points them elsewhere. */
let destination: DestinationStream = pino.destination(1)

/**
 * JSON lines on stdout, one logger per process; the level comes from LOG_LEVEL once the config is read.
 * A line written while serving a request or running a job carries its requestId (and queue, jobId).
 */
export const logger = pino(
  {
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
    base: { service: 'coinbook' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    // A copy: pino assigns the line's own fields onto what the mixin returns (and they win).
    mixin: () => ({ ...currentLogContext() }),
  },
  { write: (line: string) => destination.write(line) },
)

/** Sends log lines to `to` from now on (a test reading them); returns where they went before. */
export function setLogDestination(to: DestinationStream): DestinationStream {
  const before = destination
  destination = to
  return before
}

/** Applies the configured level (LOG_LEVEL from the validated config). */
export function setLogLevel(level: string): void {
  logger.level = level
}
