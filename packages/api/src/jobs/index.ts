import type { Config } from '../config.js'
import { BullJobRunner } from './bullmq.js'
import { pruneSessionsJob } from './definitions/prune-sessions.js'
import { InlineJobRunner } from './inline.js'
import type { JobDefinition, JobDeps, JobRunner } from './runner.js'

/** Every job a worker can run. */
export const allJobs: JobDefinition[] = [pruneSessionsJob]

/** BullMQ when REDIS_URL is set, else the in-process runner. */
export function createJobRunner(config: Pick<Config, 'REDIS_URL'>, deps: JobDeps): JobRunner {
  return config.REDIS_URL ? new BullJobRunner(config.REDIS_URL, deps) : new InlineJobRunner(deps)
}
