import { z } from 'zod'
import { runImport } from '../../modules/imports/services/run-import.js'
import { defineJob } from '../runner.js'

/** Runs one customer import from its stored upload (large uploads; small ones run in the request). */
export const customersImportJob = defineJob({
  id: 'customers.import',
  version: 1,
  schema: z.object({ importId: z.uuid() }),
  // The import records its own failure; a retry would only repeat it. A worker that dies mid-way leaves
  // the import to be taken over (see runImport).
  attempts: 1,
  handler: async ({ importId }, deps) => {
    await runImport(deps, importId)
  },
})
