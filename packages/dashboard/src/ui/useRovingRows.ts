import { type FocusEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react'

export interface RovingRowProps {
  ref: (el: HTMLTableRowElement | null) => void
  tabIndex: number
  onFocus: (e: FocusEvent<HTMLTableRowElement>) => void
  onKeyDown: (e: KeyboardEvent<HTMLTableRowElement>) => void
}

/**
 * A roving tabindex over the rows of a table, so the table is one Tab stop: ArrowUp/ArrowDown/Home/End move
 * between rows and Enter calls `onEnter`. Keys pressed on a control inside a row are left to that control.
 * `active` is the row in the Tab order; controls inside it may join the Tab order, the others should not.
 */
export function useRovingRows<T>(items: readonly T[], onEnter: (item: T, row: HTMLTableRowElement) => void) {
  const [active, setActive] = useState(0)
  const rows = useRef<(HTMLTableRowElement | null)[]>([])

  // A new page or filter starts at its first row.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new list of rows is the trigger
  useEffect(() => setActive(0), [items])

  const focusRow = (index: number) => {
    const clamped = Math.max(0, Math.min(items.length - 1, index))
    setActive(clamped)
    rows.current[clamped]?.focus()
  }

  const rowProps = (index: number): RovingRowProps => ({
    ref: (el) => {
      rows.current[index] = el
    },
    tabIndex: index === active ? 0 : -1,
    onFocus: () => setActive(index),
    onKeyDown: (e) => {
      if (e.target !== e.currentTarget) return
      const item = items[index]
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
          focusRow(items.length - 1)
          break
        case 'Enter':
          if (item !== undefined) onEnter(item, e.currentTarget)
          break
        default:
          return
      }
      e.preventDefault()
    },
  })

  return { active, rowProps }
}
