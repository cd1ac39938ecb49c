import { useEffect, useMemo, useRef } from 'react'

/** A function that calls `fn` once calls have stopped for `delay` ms; pending calls are dropped on unmount. */
export function useDebouncedCallback<A extends unknown[]>(fn: (...args: A) => void, delay: number) {
  const fnRef = useRef(fn)
  fnRef.current = fn
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  return useMemo(() => {
    const debounced = (...args: A) => {
      clearTimeout(timer.current)
      timer.current = setTimeout(() => fnRef.current(...args), delay)
    }
    debounced.cancel = () => clearTimeout(timer.current)
    return debounced
  }, [delay])
}
