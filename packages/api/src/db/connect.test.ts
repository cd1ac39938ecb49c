import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectDatabase, type DatabaseHandle } from './connect.js'

describe('embedded PGlite', () => {
  let handle: DatabaseHandle
  beforeAll(async () => {
    handle = await connectDatabase({ dataDir: 'memory://' })
  }, 60_000)
  afterAll(() => handle.close())

  it('lets timers and I/O run between the statements of a long job', async () => {
    // A job of many statements, each chained on the previous one's promise (an import's write phase).
    let ticks = 0
    const timer = setInterval(() => ticks++, 1)
    let duringJob = 0
    await handle.db.transaction().execute(async (trx) => {
      const started = Date.now()
      while (Date.now() - started < 300) {
        await sql`select sum(i) from generate_series(1, 20000) i`.execute(trx)
      }
      duringJob = ticks
    })
    clearInterval(timer)
    // Without a turn of the event loop after each statement, no timer fires until the job ends.
    expect(duringJob).toBeGreaterThan(10)
  })
})
