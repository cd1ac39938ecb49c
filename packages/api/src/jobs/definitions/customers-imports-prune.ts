import { z } from 'zod'
import { pruneImports } from '../../modules/imports/services/prune-imports.js'
import { defineJob } from '../runner.js'

/** Drops uploads that were never confirmed (after a day) and scratch rows left by a dead worker. */
export const customersImportsPruneJob = defineJob({
  id: 'customers.imports-prune',
  version: 1,
  schema: z.object({}),
  repeatEveryMs: 3600_000,
  handler: async (_payload, { db }) => {
    await pruneImports(db)
  },
})
