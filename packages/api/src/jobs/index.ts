import type { Chains } from '../chains/index.js'
import type { Config } from '../config.js'
import { BullJobRunner } from './bullmq.js'
import { chainConfirmJob, chainScanJob } from './definitions/chain-scan.js'
import { customersImportJob } from './definitions/customers-import.js'
import { customersImportsPruneJob } from './definitions/customers-imports-prune.js'
import { pruneSessionsJob } from './definitions/prune-sessions.js'
import { InlineJobRunner } from './inline.js'
import type { JobDefinition, JobDeps, JobRunner } from './runner.js'

/** Every job a worker runs for this deployment: housekeeping, and a scan and a confirm job per network. */
export function allJobs(config: Config, chains: Chains): JobDefinition[] {
  const every = config.SCAN_INTERVAL_SECONDS * 1000
  return [
    pruneSessionsJob,
    customersImportJob,
    customersImportsPruneJob,
    ...chains.configured().flatMap((n) => [chainScanJob(n, every), chainConfirmJob(n, every)]),
  ]
}

/** BullMQ when REDIS_URL is set, else the in-process runner. */
export function createJobRunner(config: Pick<Config, 'REDIS_URL'>, deps: JobDeps): JobRunner {
  return config.REDIS_URL ? new BullJobRunner(config.REDIS_URL, deps) : new InlineJobRunner(deps)
}
