import type { Chains } from '../chains/index.js'
import type { Config } from '../config.js'
import { configureMessageLinks } from '../modules/messages/links.js'
import { BullJobRunner } from './bullmq.js'
import { analyticsCompactJob } from './definitions/analytics-compact.js'
import { analyticsOverdueJob } from './definitions/analytics-overdue.js'
import { billingIssueJob } from './definitions/billing-issue.js'
import { chainConfirmJob, chainScanJob } from './definitions/chain-scan.js'
import { customersBulkJob } from './definitions/customers-bulk.js'
import { customersImportJob } from './definitions/customers-import.js'
import { customersImportsPruneJob } from './definitions/customers-imports-prune.js'
import { invoicesOverdueJob } from './definitions/invoices-overdue.js'
import { messagesSendJob } from './definitions/messages-send.js'
import { pruneSessionsJob } from './definitions/prune-sessions.js'
import { remindersRunJob } from './definitions/reminders-run.js'
import { webhooksDispatchJob } from './definitions/webhooks-dispatch.js'
import { InlineJobRunner } from './inline.js'
import type { JobDefinition, JobDeps, JobRunner } from './runner.js'

/** Every job a worker runs for this deployment: housekeeping, and a scan and a confirm job per network. */
export function allJobs(config: Config, chains: Chains): JobDefinition[] {
  configureMessageLinks(config)
  const every = config.SCAN_INTERVAL_SECONDS * 1000
  return [
    pruneSessionsJob,
    customersImportJob,
    customersBulkJob,
    customersImportsPruneJob,
    billingIssueJob,
    analyticsOverdueJob,
    analyticsCompactJob,
    messagesSendJob(config.MAIL_SEND_INTERVAL_SECONDS * 1000),
    { ...remindersRunJob, repeatEveryMs: config.REMINDERS_INTERVAL_SECONDS * 1000 },
    invoicesOverdueJob,
    webhooksDispatchJob,
    ...chains.configured().flatMap((n) => [chainScanJob(n, every), chainConfirmJob(n, every)]),
  ]
}

/** `worker --queues` named a queue this deployment does not have. */
export class UnknownQueueError extends Error {
  override name = 'UnknownQueueError'
  constructor(
    readonly unknown: string[],
    readonly valid: string[],
  ) {
    super(
      `Unknown queue(s): ${unknown.join(', ')}. Valid queues: ${valid.join(', ')} (a trailing * matches a prefix, e.g. chain.*; chain queues exist only for networks with <NETWORK>_RPC_URLS set).`,
    )
  }
}

/**
 * The jobs a worker runs for `--queues a,b`: each name is a job id (its queue) or a prefix ending in `*`
 * (`chain.*`, `chain.scan.*`). No names: every job. A name that matches nothing throws UnknownQueueError.
 */
export function selectJobs(jobs: JobDefinition[], names: readonly string[]): JobDefinition[] {
  const wanted = names.map((n) => n.trim()).filter(Boolean)
  if (wanted.length === 0) return jobs
  const chosen = new Set<string>()
  const unknown: string[] = []
  for (const name of wanted) {
    const matches = name.endsWith('*')
      ? jobs.filter((j) => j.id.startsWith(name.slice(0, -1)))
      : jobs.filter((j) => j.id === name)
    if (matches.length === 0) unknown.push(name)
    for (const j of matches) chosen.add(j.id)
  }
  const valid = jobs.map((j) => j.id)
  if (unknown.length > 0) throw new UnknownQueueError(unknown, valid)
  return jobs.filter((j) => chosen.has(j.id))
}

/** BullMQ when REDIS_URL is set, else the in-process runner. */
export function createJobRunner(config: Pick<Config, 'REDIS_URL'>, deps: JobDeps): JobRunner {
  return config.REDIS_URL ? new BullJobRunner(config.REDIS_URL, deps) : new InlineJobRunner(deps)
}
