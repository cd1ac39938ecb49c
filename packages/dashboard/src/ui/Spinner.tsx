export interface SpinnerProps {
  label?: string
}

/** An indeterminate progress indicator with an accessible label. */
export function Spinner({ label = 'Loading' }: SpinnerProps) {
  return (
    <span className="spinner-wrap" role="status">
      <span className="spinner" aria-hidden="true" />
      <span className="visually-hidden">{label}</span>
    </span>
  )
}

export interface LoadingBlockProps {
  label?: string
}

/** A centred spinner for a page or panel that is loading. */
export function LoadingBlock({ label = 'Loading' }: LoadingBlockProps) {
  return (
    <div className="loading-block">
      <Spinner label={label} />
      <span aria-hidden="true">{label}…</span>
    </div>
  )
}
