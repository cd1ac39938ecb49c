import { z } from 'zod'
import { pruneSessions } from '../../modules/auth/services/sessions.js'
import { defineJob } from '../runner.js'

/** Deletes expired sessions every hour. */
export const pruneSessionsJob = defineJob({
  id: 'auth.prune-sessions',
  version: 1,
  schema: z.object({}),
  repeatEveryMs: 3600_000,
  handler: async (_payload, { db }) => {
    await pruneSessions({ db })
  },
})
