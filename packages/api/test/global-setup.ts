import { build, isFresh } from '../bin/build.js'
import { resetPostgres } from './harness.js'

/**
 * On PostgreSQL, start every run from an empty, freshly migrated schema. The server bundle that the tests
 * which start real processes run (bin/coinbook.js) is brought up to date once here, not by each of them.
 */
export default async function setup() {
  if (!(await isFresh())) await build()
  const url = process.env.DATABASE_URL
  if (url) await resetPostgres(url)
}
