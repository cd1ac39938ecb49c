import { Link } from 'react-router'
import { ErrorAlert } from '../../../ui/Alert'
import { EmptyState } from '../../../ui/EmptyState'
import { LoadingBlock } from '../../../ui/Spinner'
import type { Segment } from '../api'
import { useBuiltinSegments, useDeleteSegment, useSegmentCount, useSegments } from '../hooks/queries'
import { builtinSegmentLabel } from '../labels'

function SegmentCountCell({ id }: { id: string }) {
  const count = useSegmentCount(id)
  if (count.isPending) return <span className="muted">…</span>
  if (count.isError)
    return (
      <span className="muted" title={count.error.message}>
        —
      </span>
    )
  return <>{count.data.count.toLocaleString()}</>
}

/** The merchant's own segments with their live counts. */
export function SavedSegmentList() {
  const segments = useSegments()
  const remove = useDeleteSegment()
  return (
    <section className="card card--flush" aria-labelledby="saved-title">
      <h2 id="saved-title" className="card__title card__inset">
        Saved segments
      </h2>
      {segments.isPending ? (
        <LoadingBlock label="Loading segments" />
      ) : segments.isError ? (
        <ErrorAlert
          error={segments.error}
          title="Segments could not be loaded"
          onRetry={() => void segments.refetch()}
        />
      ) : segments.data.length === 0 ? (
        <EmptyState
          title="No saved segments yet"
          description="Build a rule above and save it to reuse it on the customer list and in bulk actions."
        />
      ) : (
        <table className="table" aria-label="Saved segments">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col" className="num">
                Customers
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {segments.data.map((s: Segment) => (
              <tr key={s.id}>
                <td>
                  <Link to={`/customers?segmentId=${s.id}`}>{s.name}</Link>
                  {s.description ? <div className="muted">{s.description}</div> : null}
                </td>
                <td className="num">
                  <SegmentCountCell id={s.id} />
                </td>
                <td className="num">
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    onClick={() => remove.mutate(s.id)}
                    aria-label={`Delete ${s.name}`}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

/** The built-ins, grouped; the parameterised ones (country, coin, …) link with each option. */
export function BuiltinSegmentList() {
  const builtins = useBuiltinSegments()
  if (builtins.isPending) return <LoadingBlock label="Loading built-in segments" />
  if (builtins.isError)
    return <ErrorAlert error={builtins.error} title="Built-in segments could not be loaded" />
  return (
    <section className="card" aria-labelledby="builtin-title">
      <h2 id="builtin-title" className="card__title">
        Built-in segments
      </h2>
      <ul className="chip-list">
        {builtins.data.flatMap((b) => {
          const ids = (b.param ? (b.param.options ?? []).map((o) => `${b.id}:${o}`) : [b.id]).map((id) => ({
            id,
            label: builtinSegmentLabel(id, [b]) ?? id,
          }))
          return ids.map(({ id, label }) => (
            <li key={id}>
              {b.available ? (
                <Link
                  className="chip"
                  to={`/customers?segmentId=${encodeURIComponent(id)}`}
                  title={b.description}
                >
                  {label}
                </Link>
              ) : (
                <span className="chip chip--disabled" title={b.unavailableReason ?? undefined}>
                  {label} (unavailable)
                </span>
              )}
            </li>
          ))
        })}
      </ul>
    </section>
  )
}
