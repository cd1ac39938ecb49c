import { resetPostgres } from './harness.js'

/** On PostgreSQL, start every run from an empty, freshly migrated schema. */
export default async function setup() {
  const url = process.env.DATABASE_URL
  if (url) await resetPostgres(url)
}
