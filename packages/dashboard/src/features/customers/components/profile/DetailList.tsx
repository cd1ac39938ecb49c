import type { ReactNode } from 'react'

export interface DetailListProps {
  items: readonly { label: string; value: ReactNode }[]
}

/** Label/value pairs as a description list; empty values show a dash. */
export function DetailList({ items }: DetailListProps) {
  return (
    <dl className="details">
      {items.map((item) => (
        <div className="details__row" key={item.label}>
          <dt>{item.label}</dt>
          <dd>
            {item.value === null || item.value === undefined || item.value === '' ? (
              <span className="muted">—</span>
            ) : (
              item.value
            )}
          </dd>
        </div>
      ))}
    </dl>
  )
}
