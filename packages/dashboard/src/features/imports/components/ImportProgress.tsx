import type { CustomerImport } from '../api'

const fmt = new Intl.NumberFormat('en-US')

/** Rows done of the total while the API works on an import. */
export function ImportProgress({ imp }: { imp: CustomerImport }) {
  const { phase, done, total } = imp.progress
  const label =
    phase === 'queued'
      ? 'Waiting for a worker…'
      : phase === 'writing'
        ? 'Writing customers…'
        : `Checking rows: ${fmt.format(done)}${total ? ` of ${fmt.format(total)}` : ''}`
  return (
    <div className="import-progress" role="status">
      <div className="import-progress__label">{label}</div>
      <progress
        className="import-progress__bar"
        aria-label="Import progress"
        max={total ?? undefined}
        value={phase === 'writing' ? (total ?? done) : done}
      />
    </div>
  )
}
