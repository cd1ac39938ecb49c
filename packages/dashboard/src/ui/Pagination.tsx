import type { ReactNode } from 'react'
import { ChevronLeftIcon, ChevronRightIcon } from './icons'

export interface PaginationProps {
  /** Zero-based page number, or null when unknown (a page opened from a pasted link). */
  pageIndex: number | null
  pageSize: number
  rowCount: number
  hasPrevious: boolean
  nextCursor: string | null
  onPrevious: () => void
  onNext: (cursor: string) => void
  onPageSize: (size: number) => void
  /** The page sizes to offer, e.g. [10, 25, 50, 100]. */
  pageSizes: readonly number[]
  /** Keyboard shortcuts of the page, shown between the size and the buttons (hidden from screen readers). */
  hints?: ReactNode
}

/** Previous/Next over cursor pages, with the rows shown and a page-size selector. */
export function Pagination({
  pageIndex,
  pageSize,
  rowCount,
  hasPrevious,
  nextCursor,
  onPrevious,
  onNext,
  onPageSize,
  pageSizes,
  hints,
}: PaginationProps) {
  const first = pageIndex === null ? null : pageIndex * pageSize + 1
  return (
    <nav className="pagination" aria-label="Pages">
      <label className="pagination__size">
        Rows per page
        <select
          className="input input--small"
          value={pageSize}
          onChange={(e) => onPageSize(Number(e.target.value))}
        >
          {pageSizes.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      {hints ? (
        <p className="kbd-hints" aria-hidden="true">
          {hints}
        </p>
      ) : null}
      <span className="pagination__range" aria-live="polite">
        {first !== null && rowCount > 0 ? `${first}–${first + rowCount - 1}` : null}
      </span>
      <div className="pagination__buttons">
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={onPrevious}
          disabled={!hasPrevious}
        >
          <ChevronLeftIcon />
          Previous
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => nextCursor && onNext(nextCursor)}
          disabled={!nextCursor}
        >
          Next
          <ChevronRightIcon />
        </button>
      </div>
    </nav>
  )
}
