import { useEffect, useState } from 'react'
import { CheckIcon, CopyIcon } from './icons'

export interface CopyButtonProps {
  /** The text put on the clipboard. */
  value: string
  /** The visible label, e.g. "Copy address". */
  label?: string
  /** Only the icon shows; `label` becomes the accessible name. */
  iconOnly?: boolean
  className?: string
}

/** Copies a value to the clipboard and says so for two seconds; tells the user when the browser refuses. */
export function CopyButton({ value, label = 'Copy', iconOnly = false, className }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 2000)
    return () => clearTimeout(timer)
  }, [state])

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value)
      setState('copied')
    } catch {
      setState('failed')
    }
  }
  const text = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy blocked: select the text' : label
  if (iconOnly) {
    return (
      <button
        type="button"
        className={`icon-button${className ? ` ${className}` : ''}`}
        aria-label={label}
        title={state === 'idle' ? label : text}
        onClick={() => void copy()}
      >
        {state === 'copied' ? <CheckIcon /> : <CopyIcon />}
        <span className="visually-hidden" aria-live="polite">
          {state === 'idle' ? '' : text}
        </span>
      </button>
    )
  }
  return (
    <button
      type="button"
      className={`button button--secondary button--small${className ? ` ${className}` : ''}`}
      onClick={() => void copy()}
    >
      {state === 'copied' ? <CheckIcon /> : <CopyIcon />}
      <span aria-live="polite">{text}</span>
    </button>
  )
}
