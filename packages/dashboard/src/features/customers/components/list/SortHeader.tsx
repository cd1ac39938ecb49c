import { ArrowDownIcon, ArrowUpIcon } from '../../../../ui/icons'
import type { CustomerSort } from '../../api'

type SortField = 'name' | 'createdAt' | 'lifetimeValue'

/** The direction a column sorts in when first clicked: names A→Z, dates and amounts largest first. */
const FIRST_DIRECTION: Record<SortField, CustomerSort> = {
  name: 'name',
  createdAt: '-createdAt',
  lifetimeValue: '-lifetimeValue',
}

export interface SortHeaderProps {
  label: string
  field: SortField
  sort: CustomerSort
  onSort: (sort: CustomerSort) => void
  align?: 'start' | 'end'
}

/** A column header that sorts by its field, telling assistive tech the current order with aria-sort. */
export function SortHeader({ label, field, sort, onSort, align = 'start' }: SortHeaderProps) {
  const descending = sort.startsWith('-')
  const active = sort.replace(/^-/, '') === field
  const ariaSort = active ? (descending ? 'descending' : 'ascending') : 'none'
  const next: CustomerSort = active
    ? ((descending ? field : `-${field}`) as CustomerSort)
    : FIRST_DIRECTION[field]
  return (
    <th scope="col" aria-sort={ariaSort} className={align === 'end' ? 'num' : undefined}>
      <button
        type="button"
        className={`sort-button${active ? ' sort-button--active' : ''}`}
        onClick={() => onSort(next)}
      >
        {label}
        <span className="sort-button__icon">
          {active ? (
            descending ? (
              <ArrowDownIcon width={14} height={14} />
            ) : (
              <ArrowUpIcon width={14} height={14} />
            )
          ) : null}
        </span>
      </button>
    </th>
  )
}
