import { z } from 'zod'
import { compactRollups } from '../../modules/analytics/rollups.js'
import { logger } from '../../observability/logger.js'
import { defineJob } from '../runner.js'

/**
 * Every minute: folds the analytics rollups' deltas (migration 0017's triggers append one row per change
 * so concurrent payment writers never wait on a shared row), keeping the reports' reads small. Idempotent
 * and safe beside writers and another worker (one folder per merchant at a time).
 */
export const analyticsCompactJob = defineJob({
  id: 'analytics.compact',
  version: 1,
  schema: z.object({}),
  repeatEveryMs: 60_000,
  handler: async (_payload, deps) => {
    const folded = await compactRollups(deps.db)
    if (folded > 0) logger.debug({ folded }, 'analytics rollups folded')
  },
})
