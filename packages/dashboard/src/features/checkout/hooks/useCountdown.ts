import { useEffect, useState } from 'react'

/** Milliseconds left until `until`, updated every second; 0 once it has passed. */
export function useCountdown(until: string): number {
  const end = new Date(until).getTime()
  // The clock is the state, not what is left: a new `until` (a new quote) is counted against it in the same
  // render, instead of showing the old quote's "expired" until the effect has run.
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const tick = () => setNow(Date.now())
    tick()
    const timer = setInterval(tick, 1_000)
    return () => clearInterval(timer)
  }, [])
  return Math.max(0, end - now)
}

/** "14:05" for 14 minutes 5 seconds. */
export function formatCountdown(ms: number): string {
  const total = Math.ceil(ms / 1_000)
  const minutes = Math.floor(total / 60)
  const seconds = total % 60
  return `${minutes}:${String(seconds).padStart(2, '0')}`
}
