import type { CustomerImport } from '../api'
import { reportHref } from '../api'

const fmt = new Intl.NumberFormat('en-US')

/** The counts of an import (what it did, or for a dry run what it would do) and its first errors. */
export function ImportReport({ imp }: { imp: CustomerImport }) {
  const c = imp.counts
  const would = imp.status === 'validated'
  const stats: [string, number][] = [
    ['Rows', c.rows],
    [would ? 'Would create' : 'Created', c.created],
    [would ? 'Would update' : 'Updated', c.updated],
    ['Unchanged', c.unchanged],
    ['Skipped', c.skipped],
    ['With errors', c.invalid],
  ]
  // Failed before a single row was read (an empty or unreadable file, no Name column…): no counts to show.
  const readNothing = imp.status === 'failed' && c.rows === 0
  return (
    <div className="stack">
      {readNothing ? null : (
        <dl className="stats import-stats" aria-label="Import counts">
          {stats.map(([label, n]) => (
            <div className="stat" key={label}>
              <dt className="stat__label">{label}</dt>
              <dd className="stat__value">{fmt.format(n)}</dd>
            </div>
          ))}
        </dl>
      )}
      {imp.errors.length > 0 ? (
        <>
          <div className="table-scroll">
            <table className="table" aria-label="Rows with errors">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Column</th>
                  <th scope="col">Value</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {imp.errors.map((e, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a row may have several errors; the report never reorders
                  <tr key={`${e.line}-${i}`}>
                    <td className="nowrap">{e.line}</td>
                    <td>{e.column ?? e.field ?? '—'}</td>
                    <td>{e.value ?? ''}</td>
                    <td>
                      {e.field && e.column && e.field !== e.column ? `${e.field} ` : ''}
                      {e.message}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted">
            {imp.errorCount > imp.errors.length
              ? `The first ${imp.errors.length} of ${fmt.format(imp.errorCount)} errors. `
              : ''}
            <a href={reportHref(imp.id)} download>
              Download the report (CSV)
            </a>
          </p>
        </>
      ) : null}
    </div>
  )
}
