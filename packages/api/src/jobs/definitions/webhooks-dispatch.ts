import { z } from 'zod'
import { runDispatcher } from '../../modules/webhooks/services/run-dispatcher.js'
import { defineJob } from '../runner.js'

/** How long one run of the dispatcher loop lasts; the next starts within a second (repeatEveryMs). */
const RUN_FOR_MS = 5_000

/**
 * Delivers webhooks from the outbox: a loop that polls every 200 ms when idle and claims again at once
 * while there is work, run for a few seconds at a time so shutdown never waits long. Repeating every
 * second as a singleton per worker process; several workers share the outbox safely (SKIP LOCKED).
 */
export const webhooksDispatchJob = defineJob({
  id: 'webhooks.dispatch',
  version: 1,
  schema: z.object({}),
  repeatEveryMs: 1_000,
  attempts: 1,
  handler: async (_payload, deps) => {
    await runDispatcher(deps, { runForMs: RUN_FOR_MS })
  },
})
