import type { Dispatch, SetStateAction } from 'react'

export interface CursorPagerProps {
  /** The cursors of the pages before this one, oldest first: empty on the first page. */
  cursors: readonly string[]
  setCursors: Dispatch<SetStateAction<string[]>>
  /** The API's nextCursor for this page; null on the last one. */
  nextCursor: string | null | undefined
}

/** Previous/Next over an API's cursor pages, for lists without a page-size choice (see Pagination). */
export function CursorPager({ cursors, setCursors, nextCursor }: CursorPagerProps) {
  return (
    <nav className="pagination" aria-label="Pages">
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={cursors.length === 0}
        onClick={() => setCursors((c) => c.slice(0, -1))}
      >
        Previous
      </button>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={!nextCursor}
        onClick={() => {
          if (nextCursor) setCursors((c) => [...c, nextCursor])
        }}
      >
        Next
      </button>
    </nav>
  )
}
