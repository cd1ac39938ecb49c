import { useCallback, useRef, useState } from 'react'

/**
 * Checkbox selection over a page of rows: a click toggles one row, a shift-click sets the range from
 * the last clicked row to this one to that row's new state. `all` is "every row the filters match".
 */
export function useRowSelection(ids: readonly string[]) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [all, setAll] = useState(false)
  const anchor = useRef<number | null>(null)

  const toggle = useCallback(
    (index: number, shift: boolean) => {
      const id = ids[index]
      if (id === undefined) return
      setAll(false)
      const from = shift && anchor.current !== null ? Math.min(anchor.current, index) : index
      const to = shift && anchor.current !== null ? Math.max(anchor.current, index) : index
      setSelected((prev) => {
        const next = new Set(prev)
        const on = !prev.has(id)
        for (let i = from; i <= to; i++) {
          const rowId = ids[i]
          if (rowId === undefined) continue
          if (on) next.add(rowId)
          else next.delete(rowId)
        }
        return next
      })
      anchor.current = index
    },
    [ids],
  )

  const togglePage = useCallback(() => {
    setAll(false)
    setSelected((prev) => (ids.every((id) => prev.has(id)) ? new Set() : new Set(ids)))
  }, [ids])

  const clear = useCallback(() => {
    setAll(false)
    setSelected(new Set())
    anchor.current = null
  }, [])

  return { selected, all, selectAll: () => setAll(true), toggle, togglePage, clear }
}
