import { z } from 'zod'
import { pruneSessions } from '../../modules/auth/services/sessions.js'
import { prunePortalSessions } from '../../modules/portal/services/sign-in.js'
import { defineJob } from '../runner.js'

/** Deletes expired sessions every hour: the merchants' and the customer portal's (and its expired links). */
export const pruneSessionsJob = defineJob({
  id: 'auth.prune-sessions',
  version: 1,
  schema: z.object({}),
  repeatEveryMs: 3600_000,
  handler: async (_payload, { db, clock }) => {
    await pruneSessions({ db })
    await prunePortalSessions(db, clock.now())
  },
})
