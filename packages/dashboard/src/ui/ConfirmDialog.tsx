import { type ReactNode, useEffect, useId, useRef } from 'react'

export interface ConfirmDialogProps {
  open: boolean
  title: string
  children?: ReactNode
  confirmLabel: string
  tone?: 'danger' | 'primary'
  busy?: boolean
  error?: ReactNode
  onConfirm: () => void
  onCancel: () => void
  /** The body holds the first thing to answer (a search field): it takes focus, not the buttons. */
  focusBody?: boolean
}

/** A modal question on the native <dialog>: focus is trapped, Escape cancels. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  tone = 'primary',
  busy = false,
  error,
  onConfirm,
  onCancel,
  focusBody = false,
}: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal()
      else dialog.setAttribute('open', '')
    }
    if (!open && dialog.open) dialog.close()
  }, [open])

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault()
        if (!busy) onCancel()
      }}
    >
      {open ? (
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault()
            onConfirm()
          }}
        >
          <h2 className="dialog__title" id={titleId}>
            {title}
          </h2>
          <div className="dialog__body">{children}</div>
          {error ? (
            <div className="alert alert--error" role="alert">
              {error}
            </div>
          ) : null}
          <div className="dialog__actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={onCancel}
              disabled={busy}
              // biome-ignore lint/a11y/noAutofocus: for a destructive question, the safe answer has focus
              autoFocus={tone === 'danger' && !focusBody}
            >
              Cancel
            </button>
            <button
              type="submit"
              className={`button ${tone === 'danger' ? 'button--danger' : 'button--primary'}`}
              disabled={busy}
              // biome-ignore lint/a11y/noAutofocus: a confirmation dialog starts on its answer
              autoFocus={tone !== 'danger' && !focusBody}
            >
              {busy ? 'Working…' : confirmLabel}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  )
}
