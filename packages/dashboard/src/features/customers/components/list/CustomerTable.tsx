import { type KeyboardEvent, type RefObject, useEffect, useRef, useState } from 'react'
import { Link } from 'react-router'
import { formatDate, formatDateTime, formatRelative } from '../../../../format/dates'
import { formatMoneyOrDash } from '../../../../format/money'
import type { CustomerDto, CustomerListItem, CustomerSort } from '../../api'
import { typeLabel } from '../../labels'
import { StatusBadge, TagList, TierBadge } from '../CustomerBadges'
import { SortHeader } from './SortHeader'

/** A list row: the customer, with what they owe and their last activity when the list API gave them. */
export type CustomerTableRow = CustomerDto & Partial<Pick<CustomerListItem, 'outstanding' | 'lastActivityAt'>>

/** "$60.00 · €99.99", one amount per currency; "—" when nothing is owed. */
function Outstanding({ amounts }: { amounts: CustomerListItem['outstanding'] | undefined }) {
  if (!amounts?.length) return <span className="muted">—</span>
  return <>{amounts.map((a) => formatMoneyOrDash(a.amount, a.currency)).join(' · ')}</>
}

export interface CustomerTableProps {
  customers: readonly CustomerTableRow[]
  sort: CustomerSort
  onSort: (sort: CustomerSort) => void
  /** The merchant's reporting currency, in which lifetime values are expressed. */
  currency: string
  onOpen: (customer: CustomerDto) => void
  /** A newer page is loading: the rows are dimmed but stay usable. */
  stale?: boolean
  /** Set to a function that focuses the active row, for "jump to results" from the search box. */
  focusRef?: RefObject<(() => void) | null>
  /** Checkboxes for bulk actions (shift-click selects a range; Space toggles the focused row). */
  selection?: {
    selected: ReadonlySet<string>
    onToggle: (index: number, shift: boolean) => void
    onTogglePage: () => void
  }
}

/**
 * The customer list as a table that works from the keyboard: the table is one Tab stop (a roving
 * tabindex over its rows), ArrowUp/ArrowDown/Home/End move between rows and Enter opens the profile.
 */
export function CustomerTable({
  customers,
  sort,
  onSort,
  currency,
  onOpen,
  stale = false,
  focusRef,
  selection,
}: CustomerTableProps) {
  const [active, setActive] = useState(0)
  const rows = useRef<(HTMLTableRowElement | null)[]>([])

  useEffect(() => {
    if (!focusRef) return
    focusRef.current = () => rows.current[active]?.focus()
    return () => {
      focusRef.current = null
    }
  }, [focusRef, active])

  // A new page or search starts at its first row.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new list of rows is the trigger
  useEffect(() => setActive(0), [customers])

  const focusRow = (index: number) => {
    const clamped = Math.max(0, Math.min(customers.length - 1, index))
    setActive(clamped)
    rows.current[clamped]?.focus()
  }

  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>, index: number, customer: CustomerTableRow) => {
    switch (e.key) {
      case 'ArrowDown':
        focusRow(index + 1)
        break
      case 'ArrowUp':
        focusRow(index - 1)
        break
      case 'Home':
        focusRow(0)
        break
      case 'End':
        focusRow(customers.length - 1)
        break
      case 'Enter':
        onOpen(customer)
        break
      case ' ':
        if (!selection) return
        selection.onToggle(index, e.shiftKey)
        break
      default:
        return
    }
    e.preventDefault()
  }

  return (
    <div className={`table-wrap${stale ? ' table-wrap--stale' : ''}`}>
      <table className="table" aria-label="Customers" aria-busy={stale}>
        <thead>
          <tr>
            {selection ? (
              <th scope="col" className="table__check">
                <input
                  type="checkbox"
                  aria-label="Select all on this page"
                  checked={customers.length > 0 && customers.every((c) => selection.selected.has(c.id))}
                  onChange={selection.onTogglePage}
                />
              </th>
            ) : null}
            <SortHeader label="Customer" field="name" sort={sort} onSort={onSort} />
            <th scope="col">Company</th>
            <th scope="col">Status</th>
            <th scope="col">Tier</th>
            <th scope="col">Tags</th>
            <th scope="col">Country</th>
            <SortHeader
              label="Lifetime value"
              field="lifetimeValue"
              sort={sort}
              onSort={onSort}
              align="end"
            />
            <th scope="col" className="num">
              Outstanding
            </th>
            <th scope="col" className="num">
              Last activity
            </th>
            <SortHeader label="Created" field="createdAt" sort={sort} onSort={onSort} align="end" />
          </tr>
        </thead>
        <tbody>
          {customers.map((c, index) => (
            <tr
              key={c.id}
              ref={(el) => {
                rows.current[index] = el
              }}
              tabIndex={index === active ? 0 : -1}
              className="table__row table__row--link"
              onKeyDown={(e) => onKeyDown(e, index, c)}
              onFocus={() => setActive(index)}
              onClick={(e) => {
                // Let the name link and modified clicks (new tab) behave as links do.
                if (e.target instanceof HTMLElement && e.target.closest('a')) return
                onOpen(c)
              }}
            >
              {selection ? (
                <td className="table__check">
                  <input
                    type="checkbox"
                    tabIndex={-1}
                    aria-label={`Select ${c.name}`}
                    checked={selection.selected.has(c.id)}
                    onClick={(e) => {
                      e.stopPropagation()
                      selection.onToggle(index, e.shiftKey)
                    }}
                    onChange={() => {}}
                  />
                </td>
              ) : null}
              <td>
                <div className="cell-primary">
                  <Link to={`/customers/${c.id}`} tabIndex={-1} className="cell-primary__name">
                    {c.name}
                  </Link>
                  <span className="cell-primary__sub">{c.email ?? typeLabel[c.type]}</span>
                </div>
              </td>
              <td>{c.company ?? <span className="muted">—</span>}</td>
              <td>
                <StatusBadge status={c.status} />
              </td>
              <td>{c.tier ? <TierBadge tier={c.tier} /> : <span className="muted">—</span>}</td>
              <td>
                <TagList tags={c.tags} max={2} />
              </td>
              <td>{c.country ?? <span className="muted">—</span>}</td>
              <td className="num">{formatMoneyOrDash(c.lifetimeValue, currency)}</td>
              <td className="num" data-testid="outstanding">
                <Outstanding amounts={c.outstanding} />
              </td>
              <td className="num muted">
                {c.lastActivityAt ? (
                  <time dateTime={c.lastActivityAt} title={formatDateTime(c.lastActivityAt)}>
                    {formatRelative(c.lastActivityAt)}
                  </time>
                ) : (
                  '—'
                )}
              </td>
              <td className="num muted">{formatDate(c.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
