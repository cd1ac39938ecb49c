import { useState } from 'react'
import { useLocation } from 'react-router'
import { XIcon } from './icons'

/**
 * A one-time success message passed in the navigation state (`navigate(to, { state: { flash } })`),
 * e.g. "Changes saved." after an edit.
 */
export function Flash() {
  const location = useLocation()
  const message = (location.state as { flash?: unknown } | null)?.flash
  const [dismissed, setDismissed] = useState<string | null>(null)
  if (typeof message !== 'string' || dismissed === location.key) return null
  return (
    <div className="alert alert--success flash" role="status">
      <span>{message}</span>
      <button
        type="button"
        className="icon-button"
        aria-label="Dismiss"
        onClick={() => setDismissed(location.key)}
      >
        <XIcon />
      </button>
    </div>
  )
}
