import { type RawBuilder, sql } from 'kysely'
import pg from 'pg'

/**
 * Statements on the hot path of public pages (a checkout polled by every open pay page) are prepared once
 * per connection instead of parsed and planned on every call: planning the checkout's statement costs
 * PostgreSQL about three times what running it does. A select opts in with `.modifyFront(prepared('name'))`,
 * which puts a comment after `select`; PGlite ignores it. Only these statements are named, so a statement
 * whose best plan depends on its parameters keeps being planned for them.
 */
export function prepared(name: string): RawBuilder<unknown> {
  if (!/^[a-z][a-z0-9_]*$/.test(name))
    throw new Error(`prepared statement name ${name}: lower case and _ only`)
  return sql.raw(`/* prepared:${name} */`)
}

const MARK = /^select \/\* prepared:([a-z][a-z0-9_]*) \*\//

/**
 * The `pg` client Coinbook's pool makes: a query whose text carries `prepared(name)` goes out as a named
 * statement, which the connection parses once (pg remembers which names each connection has prepared).
 */
export class PreparingClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: passes pg's overloaded query() through unchanged.
  override query(...args: any[]): any {
    const [text, values] = args
    const name = typeof text === 'string' && Array.isArray(values) ? MARK.exec(text)?.[1] : undefined
    // biome-ignore lint/suspicious/noExplicitAny: see above.
    return name ? super.query({ name, text, values }) : (super.query as (...a: any[]) => any)(...args)
  }
}
