import { useFocusOnMount } from '../../../ui/useFocusOnMount'
import type { CustomerImport } from '../api'

const fmt = new Intl.NumberFormat('en-US')

/** Rows done of the total while the API works on an import. */
export function ImportProgress({ imp }: { imp: CustomerImport }) {
  // It replaces the button that started the run: the focus comes here rather than falling to <body>.
  const ref = useFocusOnMount<HTMLDivElement>()
  const { phase, done, total } = imp.progress
  // Queued jobs may run in this API process (no Redis) or on a worker: say neither.
  const label =
    phase === 'queued'
      ? 'Queued — starting soon…'
      : phase === 'writing'
        ? 'Writing customers…'
        : `Checking rows: ${fmt.format(done)}${total ? ` of ${fmt.format(total)}` : ''}`
  return (
    <div className="import-progress" role="status" ref={ref} tabIndex={-1}>
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
