import { useEffect, useRef } from 'react'

/**
 * Focuses the element once it is in the page: for content that replaces what had the focus (a form
 * swapped for its result), so keyboard and screen reader users carry on from there instead of <body>.
 * Give the element tabIndex={-1}.
 */
export function useFocusOnMount<T extends HTMLElement>(enabled = true) {
  const ref = useRef<T>(null)
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on mount
  useEffect(() => {
    if (enabled) ref.current?.focus()
  }, [])
  return ref
}
